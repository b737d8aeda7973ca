import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseYamlFile } from '../../server/src/model/yamlFile';
import { engineOptions } from '../../server/src/rules/engine';
import { defaultSchemaStore } from '../../server/src/schema/instance';
import { analyzeFile } from '../../server/src/service/analyze';
import type { Finding } from '../../server/src/service/finding';
import { normalizeSettings } from '../../server/src/service/settings';
import { fieldTree, type FieldNode } from '../../server/src/versions/fieldTree';

engineOptions.rethrow = true;

/** Findings of the `version/*` rules for a window given as `1.26-1.32`. */
function versionFindings(text: string, window: string, lang: 'en' | 'zh-CN' = 'en'): Finding[] {
  const [min, max] = window.split('-');
  const settings = normalizeSettings({ kubernetes: { minVersion: min, maxVersion: max ?? min } }, lang);
  return analyzeFile(parseYamlFile(text, { templates: 'ignore' }), settings).filter((f) => f.ruleId.startsWith('version/'));
}

const lines = (fs: Finding[], id: string) => fs.filter((f) => f.ruleId === id).map((f) => f.range.start.line);

const JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: shards
  labels: {app.kubernetes.io/name: shards}
spec:
  completions: 4
  completionMode: Indexed
  backoffLimitPerIndex: 1
  template:
    spec:
      restartPolicy: Never
      initContainers:
        - name: proxy
          image: registry.example.com/proxy:1.0.0
          restartPolicy: Always
      containers:
        - name: shard
          image: registry.example.com/shard:1.0.0
`;

const CRONJOB_BETA = `apiVersion: batch/v1beta1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: job
              image: registry.example.com/job:1.0.0
`;

describe('version/field-unavailable', () => {
  test('a Job with backoffLimitPerIndex and a sidecar is flagged for 1.26–1.32, on both keys', () => {
    const found = versionFindings(JOB, '1.26-1.32');
    assert.deepEqual(lines(found, 'version/field-unavailable'), [8, 15]);
    const message = found.find((f) => f.ruleId === 'version/field-unavailable')!.message;
    assert.match(message, /`backoffLimitPerIndex` needs Kubernetes 1\.28\+; your window starts at 1\.26/);
    assert.equal(found.find((f) => f.ruleId === 'version/field-unavailable')!.severity, 'error');
  });

  test('the same Job has no field-unavailable for 1.28–1.32', () => {
    assert.deepEqual(lines(versionFindings(JOB, '1.28-1.32'), 'version/field-unavailable'), []);
  });

  test('a field removed inside the window names the version that removed it', () => {
    const pvc = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests: {storage: 1Gi}\n    claims:\n      - name: gpu\n';
    const found = versionFindings(pvc, '1.26-1.32').filter((f) => f.ruleId === 'version/field-unavailable');
    assert.deepEqual(found.map((f) => f.range.start.line), [8]);
    assert.match(found[0].message, /`claims` was removed in Kubernetes 1\.29; your window reaches 1\.32/);
    assert.deepEqual(lines(versionFindings(pvc, '1.26-1.28'), 'version/field-unavailable'), []);
  });

  test('a kind first served after the window starts is reported once, on its apiVersion', () => {
    const flow = 'apiVersion: flowcontrol.apiserver.k8s.io/v1\nkind: FlowSchema\nmetadata:\n  name: f\nspec:\n  priorityLevelConfiguration: {name: workload-low}\n';
    const found = versionFindings(flow, '1.26-1.32').filter((f) => f.ruleId === 'version/field-unavailable');
    assert.deepEqual(found.map((f) => [f.range.start.line, f.range.start.character]), [[0, 12]]);
    assert.match(found[0].message, /served from Kubernetes 1\.29; your window starts at 1\.26/);
    assert.deepEqual(versionFindings(flow, '1.29-1.34'), []);
  });

  test('free keys (labels, annotations, data), status and unknown fields are not version findings', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: {backoffLimitPerIndex: "1"}\n  annotations: {resizePolicy: x}\ndata:\n  restartPolicy: Always\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicaz: 2\n  selector: {matchLabels: {app: d}}\n  template:\n    metadata: {labels: {app: d}}\n    spec: {containers: [{name: d, image: d:1}]}\nstatus:\n  anything: {goes: here}\n';
    assert.deepEqual(versionFindings(text, '1.26-1.26'), []);
  });

  test('merged and aliased mappings are walked', () => {
    const text = 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  <<: &retry {backoffLimitPerIndex: 1}\n  completionMode: Indexed\n  completions: 2\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: a, image: a:1}]\n';
    assert.deepEqual(lines(versionFindings(text, '1.26-1.32'), 'version/field-unavailable'), [4]);
  });

  test('with one minor in the window, a field of a later minor is reported whether it fits the schema or not, a null value included', () => {
    const noSidecar = JOB.replace('          restartPolicy: Always\n', '');
    for (const value of ['1', '', '~']) {
      const text = noSidecar.replace('backoffLimitPerIndex: 1', `backoffLimitPerIndex:${value && ` ${value}`}`);
      assert.deepEqual(lines(versionFindings(text, '1.27-1.27'), 'version/field-unavailable'), [8], value);
    }
    assert.deepEqual(lines(versionFindings(JOB, '1.32-1.32'), 'version/field-unavailable'), []);
  });

  test('in Chinese', () => {
    const f = versionFindings(JOB, '1.26-1.32', 'zh-CN').find((x) => x.ruleId === 'version/field-unavailable')!;
    assert.match(f.message, /需要 Kubernetes 1\.28 及以上版本/);
  });
});

describe('version/feature-gate', () => {
  test('the sidecar and the per-index limit are still flagged for 1.28–1.32 (alpha in 1.28), with gate and stages', () => {
    const found = versionFindings(JOB, '1.28-1.32').filter((f) => f.ruleId === 'version/feature-gate');
    assert.deepEqual(found.map((f) => f.range.start.line), [8, 15]);
    const sidecar = found.find((f) => f.range.start.line === 15)!;
    assert.equal(sidecar.severity, 'warning');
    assert.match(sidecar.message, /SidecarContainers/);
    assert.match(sidecar.message, /off by default in Kubernetes 1\.28 of your window 1\.28–1\.32/);
    assert.match(sidecar.message, /alpha from 1\.28 \(off by default\), beta from 1\.29 \(on by default\), GA from 1\.33/);
  });

  test('nothing once the gate is on by default across the window', () => {
    assert.deepEqual(lines(versionFindings(JOB, '1.29-1.34'), 'version/feature-gate'), []);
  });

  test('an init container without restartPolicy: Always is not a sidecar', () => {
    assert.deepEqual(lines(versionFindings(JOB.replace('restartPolicy: Always', 'restartPolicy: OnFailure'), '1.28-1.32'), 'version/feature-gate'), [8]);
  });

  test('HPA containerResource metrics are alpha in 1.26 whatever the API description says', () => {
    const hpa = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: d}\n  minReplicas: 1\n  maxReplicas: 3\n  metrics:\n    - type: ContainerResource\n      containerResource: {name: cpu, container: app, target: {type: Utilization, averageUtilization: 60}}\n';
    assert.deepEqual(lines(versionFindings(hpa, '1.26-1.32'), 'version/feature-gate'), [9]);
    assert.deepEqual(lines(versionFindings(hpa, '1.27-1.32'), 'version/feature-gate'), []);
  });

  test('value conditions: hostUsers false, minReplicas 0, procMount other than Default', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostUsers: false\n  containers:\n    - name: a\n      image: a:1\n      securityContext: {procMount: Unmasked}\n    - name: b\n      image: b:1\n      securityContext: {procMount: Default}\n---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: d}\n  minReplicas: 0\n  maxReplicas: 3\n';
    assert.deepEqual(lines(versionFindings(text, '1.30-1.32'), 'version/feature-gate'), [4, 8, 18]);
    assert.deepEqual(lines(versionFindings(text.replace('hostUsers: false', 'hostUsers: true'), '1.30-1.32'), 'version/feature-gate'), [8, 18]);
  });

  test('a beta gate that is off by default counts (minDomains in 1.26)', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  topologySpreadConstraints:\n    - maxSkew: 1\n      minDomains: 3\n      topologyKey: topology.kubernetes.io/zone\n      whenUnsatisfiable: DoNotSchedule\n  containers: [{name: a, image: a:1}]\n';
    const found = versionFindings(text, '1.26-1.32').filter((f) => f.ruleId === 'version/feature-gate');
    assert.deepEqual(found.map((f) => f.range.start.line), [6]);
    assert.match(found[0].message, /beta from 1\.25 \(still off by default\)/);
    assert.deepEqual(lines(versionFindings(text, '1.27-1.32'), 'version/feature-gate'), []);
  });
});

describe('version/api-removed and version/api-deprecated', () => {
  for (const window of ['1.26-1.26', '1.26-1.32', '1.30-1.34', '1.34-1.34']) {
    test(`batch/v1beta1 CronJob is removed for ${window}`, () => {
      const found = versionFindings(CRONJOB_BETA, window).filter((f) => f.ruleId === 'version/api-removed');
      assert.deepEqual(found.map((f) => [f.range.start.line, f.range.start.character, f.range.end.character]), [[0, 12, 25]]);
      assert.match(found[0].message, /no longer served from Kubernetes 1\.25.*use `batch\/v1`/);
    });
  }

  test('flowcontrol v1beta3 is deprecated up to 1.31 and removed from 1.32', () => {
    const text = 'apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata: {name: f}\nspec:\n  priorityLevelConfiguration: {name: x}\n';
    assert.deepEqual(versionFindings(text, '1.26-1.28'), []);
    const deprecated = versionFindings(text, '1.26-1.31');
    assert.deepEqual(deprecated.map((f) => f.ruleId), ['version/api-deprecated']);
    assert.match(deprecated[0].message, /deprecated since Kubernetes 1\.29 and stops being served in 1\.32.*`flowcontrol\.apiserver\.k8s\.io\/v1`/);
    assert.deepEqual(versionFindings(text, '1.26-1.32').map((f) => f.ruleId), ['version/api-removed']);
  });

  test('an API with no successor says what to do instead', () => {
    const psp = 'apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata: {name: p}\nspec: {}\n';
    const [f] = versionFindings(psp, '1.26-1.32', 'zh-CN');
    assert.equal(f.ruleId, 'version/api-removed');
    assert.match(f.message, /Pod Security Admission/);
  });

  test('a deprecated kind that stays served (v1 Endpoints from 1.33)', () => {
    const ep = 'apiVersion: v1\nkind: Endpoints\nmetadata: {name: e}\nsubsets: []\n';
    assert.deepEqual(versionFindings(ep, '1.26-1.32'), []);
    const [f] = versionFindings(ep, '1.30-1.34');
    assert.equal(f.ruleId, 'version/api-deprecated');
    assert.match(f.message, /deprecated since Kubernetes 1\.33 \(still served in your window 1\.30–1\.34\); prefer `discovery\.k8s\.io\/v1 EndpointSlice`/);
  });

  test('current APIs get nothing', () => {
    assert.deepEqual(versionFindings(CRONJOB_BETA.replace('batch/v1beta1', 'batch/v1'), '1.26-1.34'), []);
  });
});

describe('field tree', () => {
  const store = defaultSchemaStore()!;

  test('agrees with the store about which minors have a field', () => {
    const cases: [string, string, (string | number)[]][] = [
      ['batch/v1', 'Job', ['spec', 'backoffLimitPerIndex']],
      ['batch/v1', 'Job', ['spec', 'template', 'spec', 'initContainers', 0, 'restartPolicy']],
      ['v1', 'Pod', ['spec', 'resources']],
      ['v1', 'PersistentVolumeClaim', ['spec', 'resources', 'claims']],
      ['apps/v1', 'StatefulSet', ['spec', 'ordinals', 'start']],
    ];
    for (const [apiVersion, kind, path] of cases) {
      let node = fieldTree(store, apiVersion, kind);
      for (const step of path) node = typeof step === 'number' ? node?.item() : node?.child(step);
      const minors = store.minors.filter((_, i) => node?.has(i));
      assert.deepEqual(minors, store.fieldMinors(apiVersion, kind, path), `${kind} ${path.join('.')}`);
    }
  });

  test('says per minor what the store says of each field it reaches', () => {
    let compared = 0;
    for (const [apiVersion, kind] of [['apps/v1', 'Deployment'], ['batch/v1', 'CronJob'], ['autoscaling/v2', 'HorizontalPodAutoscaler']]) {
      const pending: { node: FieldNode | undefined; path: (string | number)[] }[] = [{ node: fieldTree(store, apiVersion, kind), path: [] }];
      while (pending.length) {
        const { node, path } = pending.pop()!;
        if (!node) continue;
        store.minors.forEach((minor, i) => {
          assert.deepEqual(node.infos[i], store.fieldAt(minor, apiVersion, kind, path), `${kind} ${path.join('.')} at 1.${minor}`);
          compared++;
        });
        if (path.length >= 7) continue;
        const kindOf = node.kind();
        if (kindOf === 'array') pending.push({ node: node.item(), path: [...path, 0] });
        if (kindOf === 'map') pending.push({ node: node.child('any-key'), path: [...path, 'any-key'] });
        if (kindOf === 'object') {
          const names = new Set(node.infos.flatMap((info) => info?.properties ?? []));
          for (const name of names) pending.push({ node: node.child(name), path: [...path, name] });
          assert.equal(node.child('noSuchField'), undefined);
        }
      }
    }
    assert.ok(compared > 5000, `compared ${compared}`);
  });

  test('is cached per kind and per field', () => {
    const a = fieldTree(store, 'apps/v1', 'Deployment')!;
    assert.equal(fieldTree(store, 'apps/v1', 'Deployment'), a);
    assert.equal(a.child('spec'), a.child('spec'));
    assert.equal(fieldTree(store, 'example.com/v1', 'Unknown'), undefined);
  });

  test('every document of a large multi-document file is walked', () => {
    const one = JOB.replace('backoffLimitPerIndex: 1', 'backoffLimit: 1');
    const text = Array.from({ length: 500 }, (_, i) => one.replace('name: shards', `name: shards-${i}`)).join('---\n');
    const found = versionFindings(text, '1.26-1.32');
    assert.equal(found.filter((f) => f.ruleId === 'version/field-unavailable').length, 500);
  });
});
