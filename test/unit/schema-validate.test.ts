import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseYamlFile } from '../../server/src/model/yamlFile';
import { engineOptions } from '../../server/src/rules/engine';
import { closestName, editDistance } from '../../server/src/schema/suggest';
import { yamlToJson } from '../../server/src/schema/toJson';
import { analyzeFile } from '../../server/src/service/analyze';
import type { AnalysisEnv } from '../../server/src/service/env';
import type { Finding } from '../../server/src/service/finding';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/service/settings';
import { parseYamlDocument } from '../../server/src/model/yamlDocument';
import { marked, yaml } from '../helpers/cursor';

engineOptions.rethrow = true;

/** Schema findings of a text, as `ruleId@line:character` plus the messages. */
function schemaFindings(text: string, settings: Partial<Settings> = {}, env: AnalysisEnv = {}): Finding[] {
  const file = parseYamlFile(text, { templates: 'ignore' });
  return analyzeFile(file, { ...DEFAULT_SETTINGS, ...settings }, undefined, undefined, env).filter((f) => f.ruleId.startsWith('schema/'));
}

/** Asserts the schema findings start exactly at the `|` markers, with the given rule ids in order. */
function expectAt(source: string, ids: string[], settings: Partial<Settings> = {}): Finding[] {
  const { text, cursors } = marked(source);
  const found = schemaFindings(text, settings);
  assert.deepEqual(
    found.map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.character}`),
    ids.map((id, i) => `${id}@${cursors[i].line}:${cursors[i].character}`),
    found.map((f) => f.message).join('\n'),
  );
  return found;
}

const DEPLOYMENT_HEAD = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:`;

describe('schema/unknown-field', () => {
  test('is on the key, with a close name suggested', () => {
    const [f] = expectAt(`${DEPLOYMENT_HEAD}\n        - name: web\n          image: nginx:1.27\n  |replica: 3\n`, ['schema/unknown-field']);
    assert.match(f.message, /`spec\.replica`.*did you mean `replicas`\?/);
  });

  test('suggests a name that differs only in case, and none when nothing is close', () => {
    const found = expectAt(`${DEPLOYMENT_HEAD}\n        - name: web\n          |Image: nginx\n          |flavour: vanilla\n`, ['schema/unknown-field', 'schema/unknown-field']);
    assert.match(found[0].message, /did you mean `image`\?/);
    assert.doesNotMatch(found[1].message, /did you mean/);
  });

  test('a field that exists at another minor of the window belongs to the version rules', () => {
    const job = yaml`
      apiVersion: batch/v1
      kind: Job
      metadata: {name: j}
      spec:
        completionMode: Indexed
        completions: 2
        backoffLimitPerIndex: 1
        template:
          spec:
            restartPolicy: Never
            containers: [{name: c, image: busybox:1.36}]
    `;
    assert.deepEqual(schemaFindings(job, { kubernetes: { min: 26, max: 32 } }), []);
    assert.deepEqual(schemaFindings(job, { kubernetes: { min: 27, max: 27 } }).map((f) => f.ruleId), ['schema/unknown-field']);
  });

  test('keys of free-form maps are not fields, and status is not checked', () => {
    const text = yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: c
        labels: {anything: goes}
        annotations: {example.com/note: "yes"}
      spec:
        selector: {app: web}
        ports: [{port: 80}]
      status: {whatever: 1}
    `;
    assert.deepEqual(schemaFindings(text), []);
  });
});

describe('schema/type, schema/enum, schema/required, schema/format', () => {
  test('a wrong type is on the value, decoded as YAML 1.1', () => {
    const found = expectAt(`${DEPLOYMENT_HEAD}\n        - name: web\n          image: nginx\n          env:\n            - name: A\n              value: |yes\n  replicas: |"3"\n`, ['schema/type', 'schema/type']);
    assert.match(found[0].message, /must be a string, but this is a boolean/);
    assert.match(found[1].message, /`spec\.replicas` must be an integer, but this is a string/);
  });

  test('int-or-string accepts both, and a null field is unset', () => {
    const text = `${DEPLOYMENT_HEAD}\n        - name: web\n          image: nginx\n          ports: [{containerPort: 80, name: http}]\n          readinessProbe: {httpGet: {port: http}}\n          livenessProbe: {tcpSocket: {port: 80}}\n  strategy: {rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}}\n  replicas:\n`;
    assert.deepEqual(schemaFindings(text), []);
  });

  test('an enum value lists the allowed ones', () => {
    const [f] = expectAt('apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  type: |Internal\n  ports: [{port: 80}]\n', ['schema/enum']);
    assert.match(f.message, /`ClusterIP`, `ExternalName`, `LoadBalancer`, `NodePort`/);
  });

  test('a missing required field is on the list item\'s name, the mapping\'s key or the kind', () => {
    expectAt(`${DEPLOYMENT_HEAD}\n        - |image: nginx\n          ports:\n            - |name: http\n`, ['schema/required', 'schema/required']);
    expectAt('apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\n|spec:\n  backoffLimit: 1\n', ['schema/required']);
  });

  test('quantities: 500m and 2Gi are valid, 2GB is not; int32 range; date-time; base64', () => {
    const pod = (limits: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: i\n      resources:\n        limits: ${limits}\n`;
    assert.deepEqual(schemaFindings(pod('{cpu: 500m, memory: 2Gi}')), []);
    assert.deepEqual(schemaFindings(pod('{cpu: 0.5, memory: 1e9}')), []);
    const [bad] = expectAt(pod('{cpu: 500m, memory: |2GB}'), ['schema/format']);
    assert.match(bad.message, /`2GB` is not a resource quantity/);
    expectAt('apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: |4294967296}]\n', ['schema/format']);
    expectAt('apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n  creationTimestamp: |today\ndata: {a: |"%%"}\n', ['schema/format', 'schema/format']);
  });

  test('messages come in Chinese too', () => {
    const [f] = schemaFindings('apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  prots: []\n', { locale: 'zh-CN' });
    assert.match(f.message, /未知字段 `spec\.prots`.*是否想写 `ports`？/);
  });
});

describe('schema/unknown-kind and the switch', () => {
  test('an unknown kind gets one info finding on its kind value and nothing else', () => {
    const found = expectAt('apiVersion: example.com/v1\nkind: |Widget\nmetadata: {name: w}\nspec: {replcias: "x"}\n', ['schema/unknown-kind']);
    assert.equal(found[0].severity, 'info');
  });

  test('bundled CRDs are validated', () => {
    expectAt('apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata: {name: s}\nspec:\n  scaleTargetRef: {name: w}\n  triggers: [{type: cpu, metadata: {value: "50"}}]\n  |pollingIntervall: 30\n', ['schema/unknown-field']);
  });

  test('a kind served only before the window max is validated at the newest minor that serves it', () => {
    const flow = 'apiVersion: flowcontrol.apiserver.k8s.io/v1beta2\nkind: FlowSchema\nmetadata: {name: f}\nspec:\n  priorityLevelConfiguration: {name: p}\n  |bogus: 1\n';
    expectAt(flow, ['schema/unknown-field']);
  });

  test('a document with a YAML syntax error is not validated', () => {
    assert.deepEqual(schemaFindings('apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: a\n'), []);
  });

  test('nothing is reported when schema validation is off', () => {
    assert.deepEqual(schemaFindings('apiVersion: example.com/v1\nkind: Widget\n---\napiVersion: v1\nkind: Service\nspec: {prots: 1}\n', { schemaValidation: false }), []);
  });
});

describe('helpers', () => {
  test('YAML to JSON: null fields dropped, timestamps and sexagesimal stay strings, merges and aliases resolved', () => {
    const doc = parseYamlDocument('base: &b {x: 1, y: ~}\nv:\n  <<: *b\n  t: 2024-01-01\n  s: 10:30\n  o: 0755\n  n: ~\n  list: [*b, null]\n', { reportSyntax: true });
    const json = yamlToJson(doc.ast.contents as never, doc.anchors) as Record<string, unknown>;
    assert.deepEqual(json.v, { x: 1, t: '2024-01-01', s: '10:30', o: 493, list: [{ x: 1 }, null] });
  });

  test('alias expansion is bounded', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    const doc = parseYamlDocument(bomb, { reportSyntax: true });
    assert.throws(() => yamlToJson(doc.ast.contents as never, doc.anchors), /expansion limit/);
  });

  test('did you mean: case, transpositions and small edits only', () => {
    assert.equal(editDistance('replcias', 'replicas'), 1);
    assert.equal(closestName('replica', ['replicas', 'selector']), 'replicas');
    assert.equal(closestName('Image', ['image', 'imagePullPolicy']), 'image');
    assert.equal(closestName('colour', ['replicas', 'selector']), undefined);
  });
});
