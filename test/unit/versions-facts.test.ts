import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultSchemaStore } from '../../server/src/schema/instance';
import { API_LIFECYCLE, apiLifecycle } from '../../server/src/versions/apis';
import { FEATURE_GATES, offIn, stageAt } from '../../server/src/versions/gates';
import { formatMinors, formatWindow } from '../../server/src/versions/window';

test('every API the schema store stops serving within 1.26–1.34 is in the table, with the same version', () => {
  const store = defaultSchemaStore()!;
  const served = new Map<string, number[]>();
  for (const m of store.minors) for (const k of store.kinds(m)) if (!k.kind.endsWith('List')) served.set(`${k.apiVersion} ${k.kind}`, [...(served.get(`${k.apiVersion} ${k.kind}`) ?? []), m]);
  const last = store.minors[store.minors.length - 1];
  for (const [key, minors] of served) {
    const end = minors[minors.length - 1];
    if (end === last) continue;
    const [apiVersion, kind] = key.split(' ');
    assert.equal(apiLifecycle(apiVersion, kind)?.removed, end + 1, key);
  }
});

test('the API table: sources, a way forward, deprecation before removal, and no kind listed twice', () => {
  const seen = new Set<string>();
  for (const e of API_LIFECYCLE) {
    assert.ok(e.source.trim(), e.apiVersion);
    assert.ok(e.replacement || e.instead, `${e.apiVersion} names a replacement or what to do instead`);
    assert.ok(e.deprecated !== undefined || e.removed !== undefined, e.apiVersion);
    if (e.deprecated !== undefined && e.removed !== undefined) assert.ok(e.deprecated < e.removed, e.apiVersion);
    for (const kind of e.kinds ?? ['*']) {
      assert.ok(!seen.has(`${e.apiVersion} ${kind}`), `${e.apiVersion} ${kind} once`);
      seen.add(`${e.apiVersion} ${kind}`);
    }
  }
});

test('the gate table: sources, ascending stages, alpha off, GA on', () => {
  for (const g of FEATURE_GATES) {
    assert.ok(g.source.trim() && g.uses.length, g.gate);
    for (let i = 1; i < g.stages.length; i++) assert.ok(g.stages[i - 1].from < g.stages[i].from, g.gate);
    for (const s of g.stages) if (s.stage !== 'beta') assert.equal(s.on, s.stage === 'ga', g.gate);
  }
});

test('facts checked against the feature-gates reference', () => {
  const gate = (name: string) => FEATURE_GATES.find((g) => g.gate === name)!;
  assert.deepEqual(offIn(gate('SidecarContainers'), [26, 27, 28, 29, 30, 31, 32]), [28]);
  assert.deepEqual(offIn(gate('JobPodFailurePolicy'), [26, 27, 28, 29, 30, 31, 32]), []);
  assert.deepEqual(offIn(gate('HPAContainerMetrics'), [26, 27, 28, 29, 30]), [26]);
  assert.deepEqual(offIn(gate('UserNamespacesSupport'), [26, 30, 32, 33]), [26, 30, 32]);
  assert.equal(stageAt(gate('StatefulSetAutoDeletePVC'), 32)?.stage, 'ga');
  assert.equal(stageAt(gate('InPlacePodVerticalScaling'), 26), undefined);
  assert.equal(stageAt(gate('PodLevelResources'), 34)?.stage, 'beta');
});

test('gated fields appear in the schema no later than the gate', () => {
  const store = defaultSchemaStore()!;
  const checks: [string, string, string[], string][] = [
    ['batch/v1', 'Job', ['spec', 'backoffLimitPerIndex'], 'JobBackoffLimitPerIndex'],
    ['batch/v1', 'Job', ['spec', 'successPolicy'], 'JobSuccessPolicy'],
    ['batch/v1', 'Job', ['spec', 'managedBy'], 'JobManagedBy'],
    ['batch/v1', 'Job', ['spec', 'podReplacementPolicy'], 'JobPodReplacementPolicy'],
    ['v1', 'Pod', ['spec', 'resources'], 'PodLevelResources'],
    ['v1', 'Pod', ['spec', 'containers', '0', 'resizePolicy'], 'InPlacePodVerticalScaling'],
    ['v1', 'Service', ['spec', 'trafficDistribution'], 'ServiceTrafficDistribution'],
  ];
  for (const [apiVersion, kind, path, name] of checks) {
    const first = FEATURE_GATES.find((g) => g.gate === name)!.stages[0].from;
    const minors = store.fieldMinors(apiVersion, kind, path.map((s) => (/^\d+$/.test(s) ? Number(s) : s)));
    assert.equal(minors[0], first, `${name}: ${path.join('.')}`);
  }
});

test('window formatting', () => {
  assert.equal(formatWindow({ min: 26, max: 32 }), '1.26–1.32');
  assert.equal(formatWindow({ min: 28, max: 28 }), '1.28');
  assert.equal(formatMinors([26, 27, 28, 30]), '1.26–1.28, 1.30');
});
