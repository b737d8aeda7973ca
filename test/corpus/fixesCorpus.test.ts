import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { listYamlFiles } from '../../server/src/index/scan';
import { applyEdits } from '../../server/src/fixes/edits';
import { fixesForFinding } from '../../server/src/fixes/engine';
import { CORPUS, needsCorpus } from '../helpers/paths';
import { analyzeText, FIX_SETTINGS, fixProblems, RESTRICTED } from '../unit/fixesHelpers';

test('every offered fix on every corpus finding keeps the file sound and removes the finding', needsCorpus(), async (t) => {
  const files = await listYamlFiles(CORPUS, []);
  let applied = 0;
  const broken: string[] = [];
  for (const settings of [FIX_SETTINGS, RESTRICTED]) {
    for (const name of files) {
      const text = readFileSync(name, 'utf8');
      const { file, findings, env } = analyzeText(text, settings);
      for (const finding of findings) {
        for (const built of fixesForFinding(file, finding, settings, env)) {
          applied++;
          const problems = fixProblems(file, findings, applyEdits(text, built.edits), finding, built.fix.id, settings);
          if (problems.length) broken.push(`${path.relative(CORPUS, name)} ${finding.ruleId}/${built.fix.id} @${finding.range.start.line + 1}: ${problems.join('; ')}`);
        }
      }
    }
  }
  t.diagnostic(`applied ${applied} fixes over ${files.length} corpus files`);
  assert.ok(applied > 0);
  assert.deepEqual(broken.slice(0, 30), []);
});
