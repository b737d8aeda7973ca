import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits } from '../../server/src/fixes/edits';
import { buildFix } from '../../server/src/fixes/engine';
import { hpaMaxReplicas } from '../../server/src/fixes/hpaFixes';
import { uniqueClosest } from '../../server/src/schema/closest';
import type { Settings } from '../../server/src/service/settings';
import { analyzeText, FIX_SETTINGS } from './fixesHelpers';

const DEPLOY = (podSpec: string, extra = '') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: web\n${extra}  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n${podSpec}`;
const CONTAINER = '      containers:\n      - name: web\n        image: nginx:1.27\n        ports:\n        - containerPort: 80\n';

/** Applies a fix to the first finding of a rule offering it; undefined when the engine builds none. */
function fixed(text: string, ruleId: string, fixId: string, settings: Settings = FIX_SETTINGS): string | undefined {
  const { file, findings, env } = analyzeText(text, settings);
  const finding = findings.find((f) => f.ruleId === ruleId);
  assert.ok(finding, `${ruleId} not reported: ${findings.map((f) => f.ruleId).join(', ')}`);
  const built = buildFix(file, finding, fixId, settings, env);
  return built && applyEdits(text, built.edits);
}

test('add-prestop uses the sleep action when the whole window has it on, exec sh -c before', () => {
  const text = DEPLOY(CONTAINER);
  const modern = fixed(text, 'prestop-missing', 'add-prestop', { ...FIX_SETTINGS, kubernetes: { min: 30, max: 32 } });
  assert.match(modern!, /\n        lifecycle:\n          preStop:\n            sleep:\n              seconds: 15\n      terminationGracePeriodSeconds: 60\n$/);
  const older = fixed(text, 'prestop-missing', 'add-prestop');
  assert.match(older!, /preStop:\n            exec:\n              command:\n              - sh\n              - "-c"\n              - "sleep 15"\n/);
});

test('add-prestop fills an empty flow lifecycle and keeps a grace period that already covers the sleep', () => {
  const text = DEPLOY(`      terminationGracePeriodSeconds: 90\n${CONTAINER}        lifecycle: {}\n`);
  const out = fixed(text, 'prestop-missing', 'add-prestop')!;
  assert.match(out, /lifecycle: \{preStop: \{exec: \{command: \[sh, "-c", "sleep 15"\]\}\}\}\n$/);
  assert.match(out, /terminationGracePeriodSeconds: 90\n/);
});

test('add-topology-spread is not offered when the pod spec already has a (empty) constraint list', () => {
  const text = DEPLOY(`      topologySpreadConstraints: []\n${CONTAINER}`);
  assert.equal(fixed(text, 'topology-spread-missing', 'add-topology-spread'), undefined);
});

test('fix-selector-mismatch changes the template label value, never the selector, and refuses unsatisfiable expressions', () => {
  const text = DEPLOY(CONTAINER).replace('        app: web\n    spec:', '        app: website\n    spec:');
  const out = fixed(text, 'selector-mismatch', 'fix-selector-mismatch')!;
  assert.match(out, /selector:\n    matchLabels:\n      app: web\n/);
  assert.match(out, /labels:\n        app: web\n    spec:/);
  const exprs = DEPLOY(CONTAINER, '').replace('      app: web\n  template', '      app: web\n    matchExpressions:\n    - {key: tier, operator: In, values: [db]}\n  template');
  const broken = exprs.replace('        app: web\n    spec:', '        app: webs\n    spec:');
  assert.equal(fixed(broken, 'selector-mismatch', 'fix-selector-mismatch'), undefined);
});

test('fix-spread-selector adds a labelSelector to a constraint without one', () => {
  const spread = '      topologySpreadConstraints:\n      - maxSkew: 1\n        topologyKey: kubernetes.io/hostname\n        whenUnsatisfiable: ScheduleAnyway\n';
  const out = fixed(DEPLOY(spread + CONTAINER), 'topology-spread-selector-mismatch', 'fix-spread-selector')!;
  assert.match(out, /topologyKey: kubernetes.io\/hostname\n        labelSelector:\n          matchLabels:\n            app: web\n        whenUnsatisfiable/);
});

test('add-hpa is not offered when an autoscaler already targets the workload, and names around a taken name', () => {
  const one = DEPLOY(CONTAINER).replace('replicas: 3', 'replicas: 1');
  const hpa = (name: string, target: string) =>
    `---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: ${name}\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: ${target}\n  minReplicas: 2\n  maxReplicas: 4\n`;
  const out = fixed(one + hpa('web-hpa', 'other'), 'single-replica', 'add-hpa')!;
  assert.match(out, /kind: HorizontalPodAutoscaler\nmetadata:\n  name: web-hpa-2\n/);
  const { findings } = analyzeText(one + hpa('web-hpa', 'web'));
  assert.ok(!findings.some((f) => f.ruleId === 'single-replica'));
  assert.equal(hpaMaxReplicas(1), 3);
  assert.equal(hpaMaxReplicas(5), 10);
});

test('migrate-api-version refuses a replacement that changes the schema, and one not served across the window', () => {
  const crd = 'apiVersion: apiextensions.k8s.io/v1beta1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\nspec:\n  group: example.com\n  version: v1\n  names:\n    kind: Widget\n    plural: widgets\n  scope: Namespaced\n';
  assert.equal(fixed(crd, 'version/api-removed', 'migrate-api-version'), undefined);
  const hpa = 'apiVersion: autoscaling/v2beta1\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  minReplicas: 2\n  maxReplicas: 4\n  metrics:\n  - type: Resource\n    resource:\n      name: cpu\n      targetAverageUtilization: 70\n';
  assert.equal(fixed(hpa, 'version/api-removed', 'migrate-api-version'), undefined);
  const plain = hpa.replace(/  metrics:[\s\S]*$/, '');
  assert.match(fixed(plain, 'version/api-removed', 'migrate-api-version')!, /^apiVersion: autoscaling\/v2\n/);
  assert.match(fixed(hpa.replace('v2beta1', 'v2beta2').replace('targetAverageUtilization: 70', 'target: {type: Utilization, averageUtilization: 70}'), 'version/api-removed', 'migrate-api-version')!, /^apiVersion: autoscaling\/v2\n/);
  const pdb = 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app: web\n';
  assert.equal(fixed(pdb, 'version/api-removed', 'migrate-api-version'), pdb.replace('policy/v1beta1', 'policy/v1'));
  const flow = 'apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata:\n  name: batch\nspec:\n  priorityLevelConfiguration:\n    name: workload-low\n  matchingPrecedence: 1000\n';
  assert.equal(fixed(flow, 'version/api-removed', 'migrate-api-version'), undefined);
  const recent = { ...FIX_SETTINGS, kubernetes: { min: 29, max: 32 } };
  assert.equal(fixed(flow, 'version/api-removed', 'migrate-api-version', recent), flow.replace('v1beta3', 'v1'));
});

test('schema fixes pick only an unambiguous close choice', () => {
  assert.equal(uniqueClosest('always', ['Always', 'Never', 'IfNotPresent']), 'Always');
  assert.equal(uniqueClosest('Nevr', ['Always', 'Never', 'IfNotPresent']), 'Never');
  assert.equal(uniqueClosest('Sometimes', ['Always', 'Never', 'IfNotPresent']), undefined);
  assert.equal(uniqueClosest('ab', ['aa', 'bb']), undefined);
  const enumText = DEPLOY(CONTAINER.replace('image: nginx:1.27', 'image: nginx:1.27\n        imagePullPolicy: Sometimes'));
  const { findings } = analyzeText(enumText);
  const enumFinding = findings.find((f) => f.ruleId === 'schema/enum');
  assert.ok(enumFinding);
  assert.deepEqual(enumFinding.fixes, []);
  const dup = DEPLOY(CONTAINER.replace('image: nginx:1.27', 'image: nginx:1.27\n        imagePullPolicy: Always\n        imagePullPolicey: Never'));
  assert.equal(fixed(dup, 'schema/unknown-field', 'rename-unknown-field'), undefined);
});
