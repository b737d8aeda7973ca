import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractResources } from '../../server/src/index/extract';
import { WorkspaceIndex } from '../../server/src/index/workspaceIndex';
import { parseYamlFile, type YamlFile } from '../../server/src/model/yamlFile';
import { analyzeFile, crossStats } from '../../server/src/service/analyze';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';

const deployment = (ns: string, i: number) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app-${i}, namespace: ${ns}}\nspec:\n  replicas: 3\n  selector:\n    matchLabels: {app: app-${i}}\n  template:\n    metadata:\n      labels: {app: app-${i}}\n    spec:\n      containers:\n        - name: app\n          image: registry.example.com/app:1.0.${i}\n`;
const pdb = (ns: string, app: string) =>
  `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: pdb, namespace: ${ns}}\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels: {app: ${app}}\n`;

test('editing one file of a 300-file workspace re-analyses only the documents that depend on it', () => {
  const index = new WorkspaceIndex();
  const files = new Map<string, YamlFile>();
  const put = (uri: string, text: string) => {
    const previous = files.get(uri);
    const model = parseYamlFile(text, { templates: 'ignore' }, previous);
    files.set(uri, model);
    index.setFile(uri, extractResources(uri, model));
  };
  for (let i = 0; i < 300; i++) {
    const ns = `team-${i % 30}`;
    put(`file:///ws/${i}.yaml`, i < 30 && i % 3 === 0 ? pdb(ns, `app-${i + 30}`) : deployment(ns, i));
  }
  const analyzeAll = () => {
    const out = new Map<string, string[]>();
    for (const [uri, model] of files) out.set(uri, analyzeFile(model, DEFAULT_SETTINGS, undefined, undefined, { index, uri }).filter((f) => f.ruleId === 'pdb-missing').map((f) => f.message));
    return out;
  };
  const before = analyzeAll();
  crossStats.runs = 0;
  assert.deepEqual(analyzeAll(), before);
  assert.equal(crossStats.runs, 0, 'nothing changed, nothing re-analysed');
  put('file:///ws/0.yaml', pdb('team-0', 'app-60'));
  const after = analyzeAll();
  const dependents = [...files.keys()].filter((uri) => Number(/(\d+)\.yaml$/.exec(uri)![1]) % 30 === 0 && !uri.endsWith('/0.yaml'));
  assert.equal(crossStats.runs, dependents.length + 1, 'only the edited file and the workloads of its namespace');
  assert.equal(before.get('file:///ws/30.yaml')!.length, 0);
  assert.equal(after.get('file:///ws/30.yaml')!.length, 1, 'app-30 lost its PDB');
  assert.equal(after.get('file:///ws/60.yaml')!.length, 0, 'app-60 gained one');
});
