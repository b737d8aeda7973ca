import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Node } from 'yaml';
import { parseYamlDocument } from '../../server/src/model/yamlDocument';
import { fitOf } from '../../server/src/schema/fits';
import { yamlToJson } from '../../server/src/schema/toJson';
import { builtinValidator, chooseSchema } from '../../server/src/schema/validators';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import { yaml } from '../helpers/cursor';

/** The walk's verdict and ajv's on the first resource of a text. */
function verdicts(text: string): { fits: boolean; ajv: boolean } {
  const doc = parseYamlDocument(text, { reportSyntax: true });
  const resource = doc.resources[0];
  const choice = chooseSchema(DEFAULT_SETTINGS.kubernetes, resource.apiVersion, resource.kind, undefined);
  assert.equal(choice.kind, 'builtin');
  if (choice.kind !== 'builtin') throw new Error('unreachable');
  const fits = fitOf(resource.node as Node, doc.anchors, choice.store.loadVersion(choice.minor), choice.definition) !== 'no';
  const validate = builtinValidator(choice.store, choice.minor, resource.apiVersion, resource.kind)!;
  return { fits, ajv: validate(yamlToJson(resource.node, doc.anchors)) as boolean };
}

function expectBoth(text: string, valid: boolean): void {
  assert.deepEqual(verdicts(text), { fits: valid, ajv: valid });
}

const POD = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}`;

describe('the schema walk decides as ajv does on the JSON', () => {
  test('a pod with a container, ports and resources fits', () => {
    expectBoth(POD(`  containers:\n    - name: app\n      image: nginx\n      ports:\n        - containerPort: 80\n      resources:\n        limits: {cpu: 500m, memory: 1Gi}\n`), true);
  });

  test('unknown fields, missing required fields, wrong types and enums do not fit', () => {
    expectBoth(POD(`  containers:\n    - name: app\n      imagePullPolicy: Sometimes\n`), false);
    expectBoth(POD(`  containers:\n    - image: nginx\n`), false);
    expectBoth(POD(`  containers:\n    - name: app\n      image: nginx\n      colour: blue\n`), false);
    expectBoth(POD(`  containers:\n    - name: app\n      ports:\n        - containerPort: eighty\n`), false);
    expectBoth(POD(`  containers:\n    - name: app\n      resources:\n        limits: {cpu: lots}\n`), false);
    expectBoth(POD(`  containers: {name: app}\n`), false);
  });

  test('a null field is unset: it fits even under an unknown name, and a null required field is missing', () => {
    expectBoth(POD(`  containers:\n    - name: app\n      colour:\n`), true);
    expectBoth(POD(`  containers:\n    - name: ~\n      image: nginx\n`), false);
  });

  test('of repeated keys the first one that is not null counts', () => {
    expectBoth(POD(`  containers:\n    - name: app\n      image: nginx\n      image: [1]\n`), true);
    expectBoth(POD(`  containers:\n    - name:\n      name: app\n`), true);
    expectBoth(POD(`  containers:\n    - name: [x]\n      name: app\n`), false);
  });

  test('numbers: NaN and infinities are numbers, as in the code ajv generates, and integer formats bound them', () => {
    expectBoth(POD(`  containers: [{name: app}]\n  terminationGracePeriodSeconds: .inf\n`), false);
    expectBoth(POD(`  containers: [{name: app}]\n  terminationGracePeriodSeconds: 30\n`), true);
    expectBoth(POD(`  containers: [{name: app}]\n  terminationGracePeriodSeconds: 2.5\n`), false);
    expectBoth(POD(`  containers: [{name: app, ports: [{containerPort: 3000000000}]}]\n`), false);
    expectBoth(POD(`  containers: [{name: app, ports: [{containerPort: .nan}]}]\n`), false);
    for (const [value, valid] of [['.nan', true], ['.inf', true], ['-.inf', true], ['1.5', true], ['fast', false]] as const) {
      expectBoth(`apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata: {name: s}\nspec:\n  scaleTargetRef: {name: web}\n  triggers: [{type: cpu, metadata: {value: "50"}}]\n  pollingInterval: ${value}\n`, valid);
    }
    for (const [value, valid] of [['.nan', false], ['.inf', false], ['1.5', false], ['7', true]] as const) {
      expectBoth(`apiVersion: flowcontrol.apiserver.k8s.io/v1\nkind: FlowSchema\nmetadata: {name: f}\nspec:\n  priorityLevelConfiguration: {name: p}\n  matchingPrecedence: ${value}\n`, valid);
    }
    expectBoth(POD(`  containers: [{name: app, livenessProbe: {httpGet: {port: http}}}]\n`), true);
    expectBoth(POD(`  containers: [{name: app, livenessProbe: {httpGet: {port: 8080}}}]\n`), true);
  });

  test('a null array item is checked, not dropped', () => {
    expectBoth(POD(`  containers:\n    - name: app\n      args: [a, ~]\n`), false);
  });

  test('maps of values check every value', () => {
    expectBoth(yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: c, labels: {a: b}}
      data: {a: b, c: "1"}
    `, true);
    expectBoth(yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: c}
      data: {a: {b: c}}
    `, false);
  });

  test('anchors, aliases and a __proto__ key are left to ajv', () => {
    const anchored = verdicts(POD(`  containers:\n    - &c {name: app}\n  initContainers: [*c]\n`));
    assert.deepEqual(anchored, { fits: false, ajv: true });
    const proto = verdicts(POD(`  containers: [{name: app}]\n  nodeSelector: {__proto__: x}\n`));
    assert.equal(proto.fits, false);
  });
});

describe('the walk tells whether it checked every key', () => {
  const fit = (text: string) => {
    const doc = parseYamlDocument(text, { reportSyntax: true });
    const resource = doc.resources[0];
    const choice = chooseSchema(DEFAULT_SETTINGS.kubernetes, resource.apiVersion, resource.kind, undefined);
    if (choice.kind !== 'builtin') throw new Error('not a built-in kind');
    return fitOf(resource.node as Node, doc.anchors, choice.store.loadVersion(choice.minor), choice.definition);
  };

  test('a null-valued key its definition does not list fits, unchecked; listed ones and free map keys are checked', () => {
    assert.equal(fit(POD(`  containers:\n    - name: app\n      image: nginx\n`)), 'keysKnown');
    assert.equal(fit(POD(`  containers:\n    - name: app\n      colour:\n`)), 'fits');
    assert.equal(fit(POD(`  containers:\n    - name: app\n      colour: ~\n`)), 'fits');
    assert.equal(fit(POD(`  containers:\n    - name: app\n      image:\n  nodeSelector: {disk: ~}\n`)), 'keysKnown');
    assert.equal(fit(POD(`  containers:\n    - name: app\n      colour: blue\n`)), 'no');
  });
});
