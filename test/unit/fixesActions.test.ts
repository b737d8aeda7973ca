import assert from 'node:assert/strict';
import { test } from 'node:test';
import { disableInConfigText, disableLineEdits, disableResourceEdits } from '../../server/src/fixes/disable';
import { applyEdits } from '../../server/src/fixes/edits';
import { findAgain, fixAll, fixesForFinding } from '../../server/src/fixes/engine';
import { analyzeText, FIX_SETTINGS } from './fixesHelpers';

const JOB = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: once\nspec:\n  template:\n    spec:\n      restartPolicy: Always\n      containers:\n        - name: run\n          image: busybox:1.36\n';

function finding(text: string, ruleId: string) {
  const a = analyzeText(text);
  const f = a.findings.find((x) => x.ruleId === ruleId);
  assert.ok(f, `${ruleId} not reported`);
  return { ...a, f };
}

test('disable for this line adds a directive, then appends to it, and silences the rule', () => {
  const { file, f } = finding(JOB, 'job-restart-policy');
  const once = applyEdits(JOB, disableLineEdits(file, f)!);
  assert.match(once, /\n      # kws-disable-next-line job-restart-policy\n      restartPolicy: Always/);
  assert.ok(!analyzeText(once).findings.some((x) => x.ruleId === 'job-restart-policy'));
  const ttl = finding(once.replace('restartPolicy: Always', 'restartPolicy: Always\n      ttl: 1'), 'job-ttl-missing');
  assert.ok(ttl.f);
});

test('disable for this resource writes the ignore annotation, merging into metadata', () => {
  const { file, f } = finding(JOB, 'job-ttl-missing');
  const out = applyEdits(JOB, disableResourceEdits(file, f)!);
  assert.match(out, /metadata:\n  name: once\n  annotations:\n    workload-studio.dev\/ignore: job-ttl-missing\n/);
  assert.ok(!analyzeText(out).findings.some((x) => x.ruleId === 'job-ttl-missing'));
  const again = finding(out, 'job-restart-policy');
  assert.match(applyEdits(out, disableResourceEdits(again.file, again.f)!), /ignore: "job-ttl-missing,job-restart-policy"\n/);
});

test('disable in .kws.yaml creates the file or adds to its rules, keeping comments', () => {
  assert.equal(disableInConfigText(undefined, 'pdb-missing'), 'rules:\n  pdb-missing: "off"\n');
  assert.equal(disableInConfigText('profile: production # p\nrules:\n  a: off\n', 'b'), 'profile: production # p\nrules:\n  a: off\n  b: "off"\n');
  assert.equal(disableInConfigText('profile: baseline\n', 'b'), 'profile: baseline\nrules:\n  b: "off"\n');
});

test('a diagnostic whose finding moved or disappeared gets no fix', () => {
  const { findings } = analyzeText(JOB);
  const f = findings.find((x) => x.ruleId === 'job-restart-policy')!;
  const moved = analyzeText('# a new first line\n' + JOB);
  assert.equal(findAgain(moved.findings, { ruleId: f.ruleId, document: f.document, range: f.range }), undefined);
  const same = analyzeText(JOB);
  const again = findAgain(same.findings, { ruleId: f.ruleId, document: f.document, range: f.range });
  assert.ok(again);
  assert.deepEqual(fixesForFinding(same.file, again, FIX_SETTINGS, same.env).map((b) => b.fix.id), ['set-restart-policy-never']);
});

test('fix-all applies every safe fix once and a second run changes nothing', () => {
  const env = analyzeText(JOB).env;
  const first = fixAll(JOB, { settings: FIX_SETTINGS, envFor: () => env });
  const ids = first.applied.map((a) => a.fixId);
  for (const id of ['set-job-ttl', 'set-restart-policy-never', 'fix-privilege-escalation']) assert.ok(ids.includes(id), id);
  assert.equal(new Set(ids).size, ids.length);
  assert.ok(!analyzeText(first.text).findings.some((x) => x.ruleId === 'job-restart-policy' || x.ruleId === 'job-ttl-missing'));
  const second = fixAll(first.text, { settings: FIX_SETTINGS, envFor: () => analyzeText(first.text).env });
  assert.equal(second.text, first.text);
});
