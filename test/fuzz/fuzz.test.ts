import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../helpers/paths';
import { editProblems, runCase } from './harness';
import { prng, mutate } from './mutate';
import { fuzz, fuzzCase } from './run';

/** The fixed budget `npm test` runs; `npm run fuzz -- --cases N --seed S` runs more. */
const CASES = 2_000;
const SEED = 20_261_125;

interface Regression {
  seed: number;
  case: number;
  found: string;
}

test(`fuzz: ${CASES} mutated fixtures and corpus files through parse, analysis, completion, hover and code actions`, (t) => {
  const started = performance.now();
  const report = fuzz({ seed: SEED, cases: CASES });
  t.diagnostic(`${report.cases} cases over ${report.inputs} inputs in ${Math.round(performance.now() - started)} ms; slowest case ${Math.round(report.slowestMs)} ms of CPU`);
  assert.equal(report.cases, CASES);
  assert.ok(report.inputs > 50, `${report.inputs} inputs`);
  assert.deepEqual(report.failures.slice(0, 3), [], `${report.failures.length} failing cases; replay with npm run fuzz -- --seed ${SEED} --first <index> --cases 1`);
});

test('fuzz regressions: every case that once failed passes', () => {
  const regressions = JSON.parse(readFileSync(path.join(REPO_ROOT, 'test', 'fuzz', 'regressions.json'), 'utf8')) as Regression[];
  for (const r of regressions) assert.deepEqual(fuzzCase(r.seed, r.case).failure.failures, [], `seed ${r.seed} case ${r.case}: ${r.found}`);
});

test('the fuzzer is deterministic and its checks can fail', () => {
  assert.deepEqual(mutate('a: 1\nb: 2\n', prng(5)), mutate('a: 1\nb: 2\n', prng(5)));
  assert.deepEqual(fuzzCase(SEED, 17).failure, fuzzCase(SEED, 17).failure);
  assert.deepEqual(editProblems('abc', [{ start: 1, end: 2, text: 'x' }]), []);
  assert.equal(editProblems('abc', [{ start: 2, end: 4, text: '' }]).length, 1);
  assert.equal(editProblems('abc', [{ start: -1, end: 0, text: '' }]).length, 1);
  assert.equal(editProblems('abc', [{ start: 0, end: 2, text: '' }, { start: 1, end: 3, text: '' }]).length, 1);
  const outcome = runCase({ text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: nginx}]}\n', random: { next: prng(1), count: 2 } });
  assert.deepEqual(outcome.failures, []);
  assert.ok(outcome.findings.length > 0 && outcome.edits > 0, `${outcome.findings.length} findings, ${outcome.edits} edits`);
});
