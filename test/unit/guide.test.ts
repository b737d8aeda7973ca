import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parseYamlFile } from '../../server/src/model/yamlFile';
import { analyzeFile } from '../../server/src/service/analyze';
import type { Finding } from '../../server/src/service/finding';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import { SHARED } from '../helpers/paths';

const GUIDE = path.join(SHARED, 'seed', '000_5c29b4f6b8116aee.txt');
const skip = existsSync(GUIDE) ? false : `skipped: ${GUIDE} is absent (it exists in CI)`;

/** Every fenced YAML block of the guide, with the line it starts on. */
function yamlBlocks(): { line: number; text: string; findings: Finding[] }[] {
  const lines = readFileSync(GUIDE, 'utf8').split('\n');
  const blocks: { line: number; text: string; findings: Finding[] }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ya?ml\s*$/.test(lines[i])) continue;
    const end = lines.indexOf('```', i + 1);
    const text = lines.slice(i + 1, end).join('\n') + '\n';
    blocks.push({ line: i + 2, text, findings: analyzeFile(parseYamlFile(text, { templates: 'ignore' }), DEFAULT_SETTINGS) });
    i = end;
  }
  return blocks;
}

test('the guide has YAML blocks and every one of them parses', { skip }, () => {
  const blocks = yamlBlocks();
  assert.ok(blocks.length >= 20, `${blocks.length} blocks`);
  for (const b of blocks) assert.deepEqual(b.findings.filter((f) => f.ruleId === 'syntax').map((f) => f.message), [], `block at line ${b.line}`);
});

test("the guide's Job with podFailurePolicy and restartPolicy OnFailure is caught", { skip }, () => {
  const job = yamlBlocks().find((b) => /kind: Job\b/.test(b.text) && b.text.includes('podFailurePolicy') && /restartPolicy: OnFailure/.test(b.text));
  assert.ok(job, 'the guide still has that Job');
  assert.ok(job.findings.some((f) => f.ruleId === 'pod-failure-policy-restart-policy' && f.resource?.kind === 'Job'), `block at line ${job.line}`);
});

test("the guide's MySQL StatefulSet that uses ${VAR} is caught", { skip }, () => {
  const sts = yamlBlocks().find((b) => /kind: StatefulSet/.test(b.text) && /mysql/i.test(b.text) && b.text.includes('${'));
  assert.ok(sts, 'the guide still has that StatefulSet');
  assert.ok(sts.findings.some((f) => f.ruleId === 'env-var-reference-syntax' && f.resource?.kind === 'StatefulSet'), `block at line ${sts.line}`);
});
