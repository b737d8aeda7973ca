import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { complete } from '../../server/src/completion/complete';
import { cursorContext } from '../../server/src/completion/context';
import type { Proposal } from '../../server/src/completion/types';
import { parseYamlFile } from '../../server/src/model/yamlFile';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/service/settings';
import { marked } from '../helpers/cursor';

const settings = (over: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...over });

function proposals(source: string, over: Partial<Settings> = {}): Proposal[] {
  const m = marked(source);
  return complete(parseYamlFile(m.text, { templates: 'ignore' }), m.cursors[0], settings(over));
}
const labels = (source: string, over: Partial<Settings> = {}) => proposals(source, over).map((p) => p.label);
const find = (list: Proposal[], label: string) => {
  const p = list.find((x) => x.label === label);
  assert.ok(p, `no proposal ${label} in ${list.map((x) => x.label).join(', ')}`);
  return p;
};

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: web
          image: nginx
`;

describe('cursor context from text', () => {
  const ctx = (source: string) => {
    const m = marked(source);
    const lines = m.text.split('\n');
    return cursorContext({ lineAt: (l) => lines[l] ?? '', lineCount: lines.length }, m.cursors[0]);
  };

  test('block keys by indentation, through sequence items', () => {
    assert.deepEqual(ctx('spec:\n  template:\n    spec:\n      containers:\n        - name: a\n          |')?.path, ['spec', 'template', 'spec', 'containers', 0]);
    assert.deepEqual(ctx('spec:\n  containers:\n  - name: a\n    |')?.path, ['spec', 'containers', 0]);
    assert.deepEqual(ctx('spec:\n  containers:\n    - |')?.path, ['spec', 'containers', 0]);
    assert.equal(ctx('spec:\n  containers:\n    - |')?.mode, 'item');
  });

  test('value mode with the key and the typed prefix', () => {
    const c = ctx('spec:\n  strategy:\n    type: Rol|');
    assert.deepEqual([c?.mode, c?.key, c?.prefix, c?.path], ['value', 'type', 'Rol', ['spec', 'strategy']]);
  });

  test('flow style maps and sequences', () => {
    const c = ctx('metadata: {name: a, |}');
    assert.deepEqual([c?.mode, c?.path, c?.flow, [...(c?.siblings ?? [])]], ['key', ['metadata'], true, ['name']]);
    assert.deepEqual(ctx('spec:\n  ports: [{port: 80, |}]')?.path, ['spec', 'ports', 0]);
    const v = ctx('spec:\n  strategy: {type: |}');
    assert.deepEqual([v?.mode, v?.key, v?.path], ['value', 'type', ['spec', 'strategy']]);
  });

  test('CRLF line ends', () => {
    assert.deepEqual(ctx('spec:\r\n  template:\r\n    |\r\n')?.path, ['spec', 'template']);
  });

  test('siblings are the keys already present at the level', () => {
    assert.deepEqual([...(ctx('metadata:\n  name: a\n  |\n  labels: {}\nspec: {}')?.siblings ?? [])].sort(), ['labels', 'name']);
  });
});

describe('schema completion', () => {
  test('keys of a container not yet present, required first', () => {
    const list = proposals(DEPLOY.replace('          image: nginx\n', '          image: nginx\n          |\n'));
    const names = list.map((p) => p.label);
    assert.ok(names.includes('livenessProbe') && names.includes('resources'));
    assert.ok(!names.includes('name') && !names.includes('image'));
  });

  test('required keys sort first', () => {
    const list = proposals('apiVersion: apps/v1\nkind: Deployment\nspec:\n  |\n');
    const sorted = [...list].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
    assert.deepEqual(sorted.slice(0, 2).map((p) => p.label).sort(), ['selector', 'template']);
  });

  test('livenessProbe inserts a probe skeleton with tab stops', () => {
    const p = find(proposals(DEPLOY.replace('          image: nginx\n', '          image: nginx\n          live|\n')), 'livenessProbe');
    assert.equal(p.snippet, true);
    assert.match(p.insertText, /^livenessProbe:\n {2}httpGet:\n {4}path: \$\{1:\/healthz\}\n {4}port: \$\{2:http\}/);
    assert.equal(p.range.start.character, 10);
  });

  test('a new sequence item indents children past the dash (editors add the line indentation)', () => {
    const p = find(proposals('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - live|\n'), 'livenessProbe');
    assert.match(p.insertText, /^livenessProbe:\n {4}httpGet:\n {6}path:/);
  });

  test('enum and boolean values', () => {
    assert.deepEqual(labels('apiVersion: apps/v1\nkind: Deployment\nspec:\n  strategy:\n    type: |\n').sort(), ['Recreate', 'RollingUpdate']);
    assert.deepEqual(labels('apiVersion: v1\nkind: Pod\nspec:\n  hostNetwork: |\n').sort(), ['false', 'true']);
  });

  test('in flow style only the key is inserted', () => {
    const p = find(proposals('apiVersion: v1\nkind: Pod\nmetadata: {name: a, |}\n'), 'labels');
    assert.equal(p.insertText, 'labels: ');
    assert.ok(!labels('apiVersion: v1\nkind: Pod\nmetadata: {name: a, |}\n').includes('name'));
  });

  test('fields missing at the window minimum are marked, fields outside the window left out', () => {
    const src = 'apiVersion: batch/v1\nkind: Job\nspec:\n  |\n';
    const wide = proposals(src, { kubernetes: { min: 26, max: 34 } });
    const managed = find(wide, 'managedBy');
    assert.equal(managed.deprecated, true);
    assert.match(managed.detail ?? '', /only in 1\.30–1\.34/);
    assert.ok(!labels(src, { kubernetes: { min: 26, max: 29 } }).includes('managedBy'));
  });

  test('an empty document offers whole resources', () => {
    const p = find(proposals('|'), 'kind: Deployment');
    assert.equal(p.insertText.split('\n')[0], 'apiVersion: apps/v1');
  });

  test('choosing a kind sets apiVersion, and the reverse', () => {
    const kind = find(proposals('apiVersion: v1\nkind: Dep|\n'), 'Deployment');
    assert.deepEqual(kind.additionalEdits, [{ range: { start: { line: 0, character: 11 }, end: { line: 0, character: 14 } }, newText: ' apps/v1' }]);
    const inserted = find(proposals('kind: |\n'), 'CronJob');
    assert.deepEqual(inserted.additionalEdits?.[0].newText, 'apiVersion: batch/v1\n');
    const api = proposals('apiVersion: |\nkind: Service\n').find((p) => p.label === 'apps/v1' && p.detail === 'StatefulSet');
    assert.deepEqual(api?.additionalEdits?.[0].newText, ' StatefulSet');
  });

  test('a multi-document file completes each document with its own kind', () => {
    const names = labels('apiVersion: v1\nkind: Service\nspec: {}\n---\napiVersion: batch/v1\nkind: CronJob\nspec:\n  |\n');
    assert.ok(names.includes('schedule') && !names.includes('clusterIP'));
  });
});

describe('convention completion', () => {
  test('well-known label keys, topology keys, taints, quantities, zones, schedules, capabilities', () => {
    assert.ok(labels('apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    |\n').includes('app.kubernetes.io/name'));
    assert.ok(labels('apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    |\n').includes('kubernetes.io/change-cause'));
    assert.ok(labels('apiVersion: v1\nkind: Pod\nspec:\n  topologySpreadConstraints:\n    - topologyKey: |\n').includes('topology.kubernetes.io/zone'));
    assert.ok(labels('apiVersion: v1\nkind: Pod\nspec:\n  tolerations:\n    - key: |\n').includes('node.kubernetes.io/not-ready'));
    assert.ok(labels('apiVersion: v1\nkind: Pod\nspec:\n  tolerations:\n    - effect: |\n').includes('NoExecute'));
    assert.ok(labels('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - resources:\n        requests:\n          cpu: |\n').includes('500m'));
    assert.ok(labels('apiVersion: batch/v1\nkind: CronJob\nspec:\n  timeZone: Asia/Sh|\n').includes('Asia/Shanghai'));
    const every5 = find(proposals('apiVersion: batch/v1\nkind: CronJob\nspec:\n  schedule: |\n'), '"*/5 * * * *"');
    assert.equal(every5.detail, 'Every 5 minutes');
    assert.ok(labels('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - securityContext:\n        capabilities:\n          drop:\n            - |\n').includes('ALL'));
  });

  test('details follow the locale', () => {
    const p = find(proposals('apiVersion: batch/v1\nkind: CronJob\nspec:\n  schedule: |\n', { locale: 'zh-CN' }), '"*/5 * * * *"');
    assert.equal(p.detail, '每 5 分钟');
  });
});
