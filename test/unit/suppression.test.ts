import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseYamlFile } from '../../server/src/model/yamlFile';
import { analyzeFile } from '../../server/src/service/analyze';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import { yaml } from '../helpers/cursor';

const ids = (text: string) => analyzeFile(parseYamlFile(text, { templates: 'ignore' }), DEFAULT_SETTINGS).map((f) => `${f.ruleId}@${f.range.start.line}`);

const job = (policyLine: string, annotations = '') => yaml`
  apiVersion: batch/v1
  kind: Job
  metadata:
    name: j
    ${annotations}
  spec:
    template:
      spec:
        ${policyLine}
        containers:
          - name: c
            image: x:1
`;

test('the finding is there without suppression', () => {
  assert.ok(ids(job('restartPolicy: Always')).includes('job-restart-policy@8'));
});

test('kws-disable-next-line silences the next content line only', () => {
  const text = job('# kws-disable-next-line job-restart-policy\n        restartPolicy: Always');
  assert.ok(!ids(text).some((i) => i.startsWith('job-restart-policy')));
});

test('kws-disable silences the rest of the document, not the next one', () => {
  const doc = job('restartPolicy: Always');
  const text = `# kws-disable job-restart-policy\n${doc}---\n${doc}`;
  const found = ids(text).filter((i) => i.startsWith('job-restart-policy'));
  assert.equal(found.length, 1);
});

test('the ignore annotation silences the resource', () => {
  const text = job('restartPolicy: Always', 'annotations: {workload-studio.dev/ignore: "job-restart-policy"}');
  assert.ok(!ids(text).some((i) => i.startsWith('job-restart-policy')));
});

test('an unused or unknown suppression is a hint', () => {
  const unused = ids(job('# kws-disable-next-line job-restart-policy\n        restartPolicy: Never'));
  assert.ok(unused.includes('unused-suppression@8'), unused.join());
  const unknown = analyzeFile(parseYamlFile('# kws-disable no-such-rule\na: 1\n', { templates: 'ignore' }), DEFAULT_SETTINGS);
  assert.equal(unknown[0].ruleId, 'unused-suppression');
  assert.equal(unknown[0].severity, 'hint');
  assert.match(unknown[0].message, /no-such-rule/);
});
