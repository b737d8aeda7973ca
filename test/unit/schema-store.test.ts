import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { KUBERNETES_FORMATS, openSchemaStore } from '../../server/src/schema/store';

function findGenerated(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'schemas', 'generated');
    if (existsSync(path.join(candidate, 'index.json'))) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  const fromCwd = path.join(process.cwd(), 'schemas', 'generated');
  assert.ok(existsSync(path.join(fromCwd, 'index.json')), 'schemas/generated is missing: run node scripts/schemas/generate.mjs');
  return fromCwd;
}

const DIR = findGenerated();
const store = openSchemaStore(DIR);
const ALL = [26, 27, 28, 29, 30, 31, 32, 33, 34];
const from = (first: number): number[] => ALL.filter((m) => m >= first);
const CONTAINER = ['spec', 'template', 'spec', 'containers', 0];

function compile(minor: number, apiVersion: string, kind: string): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  for (const [name, format] of Object.entries(KUBERNETES_FORMATS)) ajv.addFormat(name, format);
  const schema = store.schemaFor(minor, apiVersion, kind, { descriptions: false });
  assert.ok(schema, `no schema for ${apiVersion} ${kind} in 1.${minor}`);
  return ajv.compile(schema);
}

function errors(validate: ValidateFunction, doc: unknown): ErrorObject[] {
  return validate(doc) ? [] : [...(validate.errors ?? [])];
}

function deployment(): Record<string, any> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web', 'example.com/tier': 'front' }, annotations: { note: 'x' } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: 1 } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            {
              name: 'web',
              image: 'nginx:1.27',
              imagePullPolicy: 'IfNotPresent',
              ports: [{ containerPort: 80, protocol: 'TCP' }],
              resources: { limits: { cpu: '500m', memory: '2Gi' }, requests: { cpu: 0.25, memory: '128Mi' } },
            },
          ],
        },
      },
    },
    status: { replicas: 3, anything: { goes: true } },
  };
}

test('serves the minors 1.26 to 1.34 and loads them lazily', () => {
  assert.deepEqual([...store.minors], ALL);
  assert.throws(() => store.loadVersion(25), RangeError);
  assert.equal(store.schemaFor(25, 'apps/v1', 'Deployment'), undefined);
  assert.equal(store.loadVersion(30), store.loadVersion(30));
  assert.match(store.loadVersion(34).source, /^cdk8s-plus-34@/);
});

test('reads the descriptions only when one is asked for', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ws-store-'));
  try {
    for (const file of readdirSync(DIR)) if (file.endsWith('.json') && file !== 'descriptions.json') copyFileSync(path.join(DIR, file), path.join(dir, file));
    const lazy = openSchemaStore(dir);
    const replicas = lazy.fieldAt(32, 'apps/v1', 'Deployment', ['spec', 'replicas']);
    assert.equal(replicas?.type, 'integer');
    assert.deepEqual(lazy.fieldMinors('apps/v1', 'Deployment', ['spec', 'replicas']), ALL);
    assert.throws(() => replicas?.description, /descriptions\.json/);
    copyFileSync(path.join(DIR, 'descriptions.json'), path.join(dir, 'descriptions.json'));
    assert.equal(replicas?.description, store.fieldAt(32, 'apps/v1', 'Deployment', ['spec', 'replicas'])?.description);
    assert.match(replicas?.description ?? '', /desired pods/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('loaded field nodes and definitions each have one shape, every key present, values unchanged', () => {
  const shared = store.loadVersion(32).shared;
  const raw = JSON.parse(readFileSync(path.join(DIR, JSON.parse(readFileSync(path.join(DIR, 'index.json'), 'utf8')).shared), 'utf8')) as typeof shared;
  const nodes: object[] = [];
  const collect = (n: (typeof shared.fields)[number] | undefined) => {
    if (!n) return;
    nodes.push(n);
    collect(n.i);
    collect(n.a);
  };
  shared.fields.forEach(collect);
  assert.ok(nodes.length > 2000);
  assert.deepEqual([...new Set(nodes.map((n) => Object.keys(n).join(',')))], ['t,f,e,r,i,a,d']);
  assert.deepEqual([...new Set(shared.defs.map((d) => Object.keys(d).join(',')))], ['d,p,q']);
  const defined = (x: unknown): unknown => JSON.parse(JSON.stringify(x));
  assert.deepEqual(defined(shared.fields), raw.fields);
  assert.deepEqual(defined(shared.defs), raw.defs);
});

test('Job spec.backoffLimitPerIndex appears in 1.28', () => {
  assert.equal(store.fieldAt(27, 'batch/v1', 'Job', ['spec', 'backoffLimitPerIndex']), undefined);
  const field = store.fieldAt(28, 'batch/v1', 'Job', ['spec', 'backoffLimitPerIndex']);
  assert.equal(field?.type, 'integer');
  assert.equal(field?.format, 'int32');
  assert.deepEqual(store.fieldMinors('batch/v1', 'Job', ['spec', 'backoffLimitPerIndex']), from(28));
});

test('init container restartPolicy (sidecars) exists from 1.28', () => {
  const p = ['spec', 'template', 'spec', 'initContainers', 0, 'restartPolicy'];
  assert.deepEqual(store.fieldMinors('apps/v1', 'Deployment', p), from(28));
  const field = store.fieldAt(28, 'apps/v1', 'Deployment', p);
  assert.equal(field?.type, 'string');
  assert.match(field?.description ?? '', /init containers/);
});

test('Job podFailurePolicy action FailIndex is an allowed value only from 1.28', () => {
  const p = ['spec', 'podFailurePolicy', 'rules', 0, 'action'];
  assert.ok(!store.fieldAt(27, 'batch/v1', 'Job', p)?.enum?.includes('FailIndex'));
  assert.deepEqual(store.fieldAt(28, 'batch/v1', 'Job', p)?.enum, ['Count', 'FailIndex', 'FailJob', 'Ignore']);
});

test('types, formats, maps and descriptions of Deployment fields', () => {
  const maxUnavailable = store.fieldAt(30, 'apps/v1', 'Deployment', ['spec', 'strategy', 'rollingUpdate', 'maxUnavailable']);
  assert.equal(maxUnavailable?.format, 'int-or-string');
  assert.deepEqual(maxUnavailable?.type, ['integer', 'string']);
  const limits = store.fieldAt(30, 'apps/v1', 'Deployment', [...CONTAINER, 'resources', 'limits']);
  assert.equal(limits?.type, 'object');
  assert.equal(limits?.element?.format, 'quantity');
  assert.equal(store.fieldAt(30, 'apps/v1', 'Deployment', [...CONTAINER, 'resources', 'limits', 'cpu'])?.format, 'quantity');
  assert.equal(store.fieldAt(30, 'apps/v1', 'Deployment', ['metadata', 'labels', 'any/key'])?.type, 'string');
  const replicas = store.fieldAt(30, 'apps/v1', 'Deployment', ['spec', 'replicas']);
  assert.equal(replicas?.type, 'integer');
  assert.match(replicas?.description ?? '', /desired pods/);
  const spec = store.fieldAt(30, 'apps/v1', 'Deployment', ['spec']);
  assert.equal(spec?.definition, 'io.k8s.api.apps.v1.DeploymentSpec');
  assert.deepEqual(spec?.required, ['selector', 'template']);
  assert.ok(spec?.properties?.includes('revisionHistoryLimit'));
  const name = store.fieldAt(30, 'apps/v1', 'Deployment', [...CONTAINER, 'name']);
  assert.equal(name?.isRequired, true);
  assert.equal(store.fieldAt(30, 'apps/v1', 'Deployment', ['spec', 'replica']), undefined);
  assert.equal(store.fieldAt(30, 'v1', 'Pod', ['metadata', 'creationTimestamp'])?.format, 'date-time');
  assert.equal(store.fieldAt(30, 'v1', 'Secret', ['data', 'key'])?.format, 'byte');
  assert.equal(store.fieldAt(30, 'apps/v1', 'Deployment', ['status'])?.type, 'object');
  assert.equal(store.fieldAt(30, 'v1', 'ConfigMap', ['status']), undefined);
});

test('imagePullPolicy allows Always, IfNotPresent and Never in every minor', () => {
  for (const minor of ALL) {
    const field = store.fieldAt(minor, 'v1', 'Pod', ['spec', 'containers', 0, 'imagePullPolicy']);
    assert.deepEqual([...(field?.enum ?? [])].sort(), ['Always', 'IfNotPresent', 'Never'], `1.${minor}`);
  }
});

test('GVKs: removed and added API versions follow the Kubernetes release history', () => {
  const served = (apiVersion: string, kind: string): number[] =>
    ALL.filter((m) => store.kinds(m).some((k) => k.apiVersion === apiVersion && k.kind === kind));
  assert.deepEqual(served('batch/v1beta1', 'CronJob'), []);
  assert.deepEqual(served('batch/v1', 'CronJob'), ALL);
  assert.deepEqual(served('flowcontrol.apiserver.k8s.io/v1beta2', 'FlowSchema'), [26, 27, 28]);
  assert.deepEqual(served('flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema'), [26, 27, 28, 29, 30, 31]);
  assert.deepEqual(served('flowcontrol.apiserver.k8s.io/v1', 'FlowSchema'), from(29));
  assert.deepEqual(served('autoscaling/v2beta2', 'HorizontalPodAutoscaler'), []);
  for (const [apiVersion, kind] of [
    ['v1', 'ConfigMap'], ['v1', 'Service'], ['apps/v1', 'StatefulSet'], ['batch/v1', 'Job'], ['autoscaling/v1', 'HorizontalPodAutoscaler'],
    ['autoscaling/v2', 'HorizontalPodAutoscaler'], ['policy/v1', 'PodDisruptionBudget'], ['networking.k8s.io/v1', 'Ingress'],
    ['rbac.authorization.k8s.io/v1', 'ClusterRole'], ['scheduling.k8s.io/v1', 'PriorityClass'],
  ]) {
    assert.deepEqual(served(apiVersion, kind), ALL, `${apiVersion} ${kind}`);
  }
});

test('the four CRDs are served in every minor', () => {
  for (const minor of ALL) {
    for (const [apiVersion, kind] of [
      ['autoscaling.k8s.io/v1', 'VerticalPodAutoscaler'], ['keda.sh/v1alpha1', 'ScaledObject'],
      ['keda.sh/v1alpha1', 'TriggerAuthentication'], ['monitoring.coreos.com/v1', 'PrometheusRule'],
    ]) {
      assert.ok(store.schemaFor(minor, apiVersion, kind), `${apiVersion} ${kind} in 1.${minor}`);
    }
  }
  assert.deepEqual(store.fieldAt(34, 'keda.sh/v1alpha1', 'ScaledObject', ['spec'])?.required, ['scaleTargetRef', 'triggers']);
  assert.equal(store.fieldAt(34, 'monitoring.coreos.com/v1', 'PrometheusRule', ['spec', 'groups', 0, 'rules', 0, 'expr'])?.format, 'int-or-string');
  assert.equal(store.fieldAt(26, 'autoscaling.k8s.io/v1', 'VerticalPodAutoscaler', ['metadata', 'name'])?.type, 'string');
});

test('ajv accepts a valid Deployment and reports typos, wrong types, bad enums and quantities', () => {
  const validate = compile(30, 'apps/v1', 'Deployment');
  assert.deepEqual(errors(validate, deployment()), []);

  const typo = deployment();
  typo.spec.replica = 2;
  assert.deepEqual(errors(validate, typo).map((e) => [e.keyword, e.params.additionalProperty]), [['additionalProperties', 'replica']]);

  const wrongType = deployment();
  wrongType.spec.replicas = 'three';
  assert.deepEqual(errors(validate, wrongType).map((e) => [e.keyword, e.instancePath]), [['type', '/spec/replicas']]);

  const badEnum = deployment();
  badEnum.spec.template.spec.containers[0].imagePullPolicy = 'Sometimes';
  assert.deepEqual(errors(validate, badEnum).map((e) => e.keyword), ['enum']);

  const badQuantity = deployment();
  badQuantity.spec.template.spec.containers[0].resources.limits.memory = '2GB';
  assert.deepEqual(errors(validate, badQuantity).map((e) => [e.keyword, e.instancePath]), [['format', '/spec/template/spec/containers/0/resources/limits/memory']]);

  const intOrString = deployment();
  intOrString.spec.strategy.rollingUpdate.maxUnavailable = true;
  assert.deepEqual(errors(validate, intOrString).map((e) => e.keyword), ['type']);

  const missing = deployment();
  delete missing.spec.template.spec.containers[0].name;
  assert.deepEqual(errors(validate, missing).map((e) => [e.keyword, e.params.missingProperty]), [['required', 'name']]);
});

test('fields newer than the minor are unknown to its validator', () => {
  const job = { apiVersion: 'batch/v1', kind: 'Job', spec: { backoffLimitPerIndex: 1, template: { spec: { containers: [{ name: 'a' }] } } } };
  assert.equal(errors(compile(28, 'batch/v1', 'Job'), job).length, 0);
  assert.deepEqual(errors(compile(27, 'batch/v1', 'Job'), job).map((e) => e.params.additionalProperty), ['backoffLimitPerIndex']);
});

test('CRD schemas compile and reject unknown fields', () => {
  const validate = compile(34, 'keda.sh/v1alpha1', 'ScaledObject');
  const doc = { apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledObject', metadata: { name: 'a' }, spec: { scaleTargetRef: { name: 'web' }, triggers: [{ type: 'cpu', metadata: { value: '50' } }] } };
  assert.deepEqual(errors(validate, doc), []);
  const typo = { ...doc, spec: { ...doc.spec, minReplicas: 1 } };
  assert.deepEqual(errors(validate, typo).map((e) => e.params.additionalProperty), ['minReplicas']);
});

test('every kind of 1.34 compiles with ajv in strict mode from the version bundle', () => {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  for (const [name, format] of Object.entries(KUBERNETES_FORMATS)) ajv.addFormat(name, format);
  const bundle = store.bundleFor(34, { descriptions: false });
  assert.ok(bundle);
  ajv.addSchema(bundle);
  for (const k of store.kinds(34)) {
    const $ref = store.bundleRef(34, k.apiVersion, k.kind);
    assert.ok($ref);
    assert.doesNotThrow(() => ajv.compile({ $ref }), `${k.apiVersion} ${k.kind}`);
  }
  const validate = ajv.getSchema(store.bundleRef(34, 'apps/v1', 'Deployment') as string);
  assert.ok(validate);
  assert.equal(validate(deployment()), true);
});

test('schemas/generated stays under 3 MB, with small per-version files', () => {
  let total = 0;
  for (const file of readdirSync(DIR)) {
    const size = statSync(path.join(DIR, file)).size;
    total += size;
    if (file.startsWith('k8s-')) assert.ok(size < 64 * 1024, `${file} is ${size} bytes`);
  }
  assert.ok(total < 3 * 1024 * 1024, `schemas/generated is ${total} bytes`);
});
