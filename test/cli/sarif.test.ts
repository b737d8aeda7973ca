import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv-draft-04';
import { main } from '../../server/src/cli/main';
import { allRules } from '../../server/src/rules/registry';
import { REPO_ROOT } from '../helpers/paths';

const dir = mkdtempSync(path.join(tmpdir(), 'kws-sarif-'));
writeFileSync(path.join(dir, 'job.yaml'), 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      restartPolicy: Always\n      containers:\n        - name: c\n          image: x:1\n');

async function sarif(args: string[]): Promise<{ code: number; log: Record<string, any> }> {
  let out = '';
  const code = await main(['check', '--format', 'sarif', ...args], { stdout: (t) => (out += t), stderr: () => undefined, readStdin: async () => Buffer.alloc(0), env: {}, cwd: dir });
  return { code, log: JSON.parse(out) };
}

test('SARIF output is valid against the SARIF 2.1.0 schema', async () => {
  const schemaPath = path.join(REPO_ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
  const { code, log } = await sarif([dir]);
  assert.equal(code, 1);
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
});

test('SARIF lists every rule of the registry with a help link, and results point into them', async () => {
  const { log } = await sarif([dir]);
  const rules = log.runs[0].tool.driver.rules as { id: string; helpUri: string }[];
  assert.deepEqual(rules.map((r) => r.id), allRules().map((r) => r.id));
  for (const r of rules) assert.match(r.helpUri, new RegExp(`/docs/rules/${r.id}\\.md$`));
  const result = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'job-restart-policy');
  assert.ok(result);
  assert.equal(rules[result.ruleIndex].id, 'job-restart-policy');
  assert.equal(result.level, 'error');
  assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 8, startColumn: 22, endLine: 8, endColumn: 28 });
});
