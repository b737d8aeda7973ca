import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { applyEdits } from '../../server/src/fixes/edits';
import { buildFix } from '../../server/src/fixes/engine';
import { REPO_ROOT } from '../helpers/paths';
import { analyzeText, fixProblems, settingsFor } from './fixesHelpers';

const ROOT = path.join(REPO_ROOT, 'test', 'fixtures', 'fixes');

for (const name of readdirSync(ROOT).sort()) {
  const fixId = name.split('--')[0];
  test(`golden fix ${name}`, () => {
    const before = readFileSync(path.join(ROOT, name, 'before.yaml'), 'utf8');
    const afterPath = path.join(ROOT, name, 'after.yaml');
    const settings = settingsFor(fixId);
    const { file, findings, env } = analyzeText(before, settings);
    const finding = findings.find((f) => f.fixes.includes(fixId) && buildFix(file, f, fixId, settings, env));
    assert.ok(finding, `no finding offers ${fixId}: ${findings.map((f) => `${f.ruleId}[${f.fixes}]`).join(', ')}`);
    const built = buildFix(file, finding, fixId, settings, env)!;
    const after = applyEdits(before, built.edits);
    if (process.env.UPDATE_GOLDEN || !existsSync(afterPath)) writeFileSync(afterPath, after);
    assert.equal(after, readFileSync(afterPath, 'utf8'));
    assert.deepEqual(fixProblems(file, findings, after, finding, fixId, settings), []);
  });
}
