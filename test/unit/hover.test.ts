import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hover } from '../../server/src/hover/hover';
import { cronWords } from '../../server/src/hover/cron';
import { explainQuantity } from '../../server/src/hover/values';
import { extractResources } from '../../server/src/index/extract';
import { WorkspaceIndex } from '../../server/src/index/workspaceIndex';
import { parseYamlFile } from '../../server/src/model/yamlFile';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/service/settings';
import { marked } from '../helpers/cursor';

const NOW = new Date('2025-03-01T00:00:00Z');

function hoverAt(source: string, over: Partial<Settings> = {}, index?: WorkspaceIndex) {
  const m = marked(source);
  return hover(parseYamlFile(m.text, { templates: 'ignore' }), m.cursors[0], { ...DEFAULT_SETTINGS, ...over }, { now: NOW, index, uri: 'file:///w/pdb.yaml' });
}
const text = (source: string, over: Partial<Settings> = {}, index?: WorkspaceIndex) => hoverAt(source, over, index)?.markdown ?? '';

const DEPLOY = (rolling: string, replicas = 4) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  strategy:
    rollingUpdate:
${rolling}
  template:
    spec:
      containers:
        - name: web
          image: nginx
          resources:
            requests: {cpu: 500m, memory: 2Gi}
`;

describe('hover on manifest fields', () => {
  test('type, allowed values, versions and the API description as the schema has it', () => {
    const md = text('apiVersion: apps/v1\nkind: Deployment\nspec:\n  strategy:\n    ty|pe: Recreate\n');
    assert.match(md, /\*\*type\*\* `string`/);
    assert.match(md, /Allowed values: `Recreate`, `RollingUpdate`/);
    assert.match(md, /Exists in 1\.26–1\.34/);
    assert.match(md, /Type of deployment\./);
  });

  test('the range is the key hovered', () => {
    const h = hoverAt('apiVersion: apps/v1\nkind: Deployment\nspec:\n  repl|icas: 2\n');
    assert.deepEqual(h?.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 10 } });
  });

  test('feature-gate stage across the window, and versions missing from it', () => {
    const md = text('apiVersion: batch/v1\nkind: Job\nspec:\n  manage|dBy: x\n', { kubernetes: { min: 28, max: 33 } });
    assert.match(md, /Feature gate `JobManagedBy`: 1\.28–1\.29 absent · 1\.30–1\.31 alpha \(off by default\) · 1\.32–1\.33 beta \(on by default\)/);
    assert.match(md, /not in 1\.28–1\.29 of the target window 1\.28–1\.33/);
  });

  test('guide advice with a link to the rule docs, in both languages', () => {
    assert.match(text(DEPLOY('      maxUna|vailable: 1')), /zero-downtime.*\[Rule `max-unavailable-not-zero`\]\(https:\/\/\S+\/max-unavailable-not-zero\.md\)/s);
    assert.match(text(DEPLOY('      maxUna|vailable: 1'), { locale: 'zh-CN' }), /零停机.*zh-CN\/max-unavailable-not-zero\.md/s);
    assert.match(text('apiVersion: v1\nkind: Pod\nspec:\n  terminationGrace|PeriodSeconds: 30\n'), /preStop/);
  });

  test('percentages as pod counts, rounded as the Deployment controller rounds', () => {
    assert.match(text(DEPLOY('      maxSurge: 2|5%')), /`25%` of 4 replicas = \*\*1\*\* pod/);
    assert.match(text(DEPLOY('      maxSurge: 3|0%')), /`30%` of 4 replicas = \*\*2\*\* pod\(s\) \(rounded up\)/);
    assert.match(text(DEPLOY('      maxUnavailable: 3|0%')), /`30%` of 4 replicas = \*\*1\*\* pod\(s\) \(rounded down\)/);
  });

  test('PDB percentages use the replicas of the selected workloads from the index', () => {
    const index = new WorkspaceIndex();
    const deploy = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  replicas: 3\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec: {containers: [{name: api, image: x}]}\n';
    index.setFile('file:///w/api.yaml', extractResources('file:///w/api.yaml', parseYamlFile(deploy, { templates: 'ignore' })));
    const md = text('apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: api}\nspec:\n  minAvailable: 5|0%\n  selector: {matchLabels: {app: api}}\n', {}, index);
    assert.match(md, /`50%` of 3 replicas = \*\*2\*\* pod\(s\) \(rounded up\)/);
  });

  test('quantities in plain units', () => {
    assert.match(text(DEPLOY('      maxSurge: 1').replace('cpu: 500m', 'cpu: 50|0m')), /`500m` = 0\.5 CPU/);
    assert.match(text(DEPLOY('      maxSurge: 1').replace('memory: 2Gi', 'memory: 2G|i')), /`2Gi` = 2,147,483,648 bytes/);
    assert.equal(explainQuantity('memory', '2Gi', 'zh-CN'), '`2Gi` = 2,147,483,648 字节');
  });

  test('a cron schedule in words with the next three runs in its time zone', () => {
    const md = text('apiVersion: batch/v1\nkind: CronJob\nspec:\n  timeZone: Asia/Shanghai\n  schedule: "0 3 * |* *"\n');
    assert.match(md, /at 03:00, every day/);
    assert.match(md, /Next runs \(Asia\/Shanghai\): Mar 2, 2025, 3:00 AM · Mar 3, 2025, 3:00 AM · Mar 4, 2025, 3:00 AM/);
    const zh = text('apiVersion: batch/v1\nkind: CronJob\nspec:\n  schedule: "*/15 * * |* 1-5"\n', { locale: 'zh-CN' });
    assert.match(zh, /周一至周五每 15 分钟/);
    assert.match(zh, /接下来的运行时间 \(UTC\)/);
  });

  test('cron words for common shapes and macros', () => {
    assert.equal(cronWords('@hourly', 'en'), 'at minute 0 of every hour, every day');
    assert.equal(cronWords('0 9 * * 1-5', 'en'), 'at 09:00, on Monday to Friday');
    assert.equal(cronWords('0 0 1 * *', 'zh-CN'), '每月 1 日 00:00');
    assert.equal(cronWords('5 4 L * *', 'en'), undefined);
  });

  test('outside a resource there is nothing to say', () => {
    assert.equal(hoverAt('foo: |bar\n'), undefined);
  });
});
