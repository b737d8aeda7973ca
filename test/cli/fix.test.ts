import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { main } from '../../server/src/cli/main';
import { unifiedDiff } from '../../server/src/fixes/diff';

const dir = mkdtempSync(path.join(tmpdir(), 'kws-fix-'));
const JOB = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: once # keep me\nspec:\n  template:\n    spec:\n      restartPolicy: Always\n      containers:\n        - name: run\n          image: busybox:1.36\n';

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => Buffer.from(''), env: {}, cwd: dir });
  return { code, stdout, stderr };
}

test('kws fix --dry-run prints a unified diff and leaves the file alone', async () => {
  const file = path.join(dir, 'dry.yaml');
  writeFileSync(file, JOB);
  const { code, stdout } = await run(['fix', '--dry-run', file]);
  assert.equal(readFileSync(file, 'utf8'), JOB);
  assert.match(stdout, /^--- a\/dry\.yaml\n\+\+\+ b\/dry\.yaml\n@@ /);
  assert.match(stdout, /^-      restartPolicy: Always$/m);
  assert.match(stdout, /^\+      restartPolicy: Never$/m);
  assert.match(stdout, /^\+  ttlSecondsAfterFinished: 86400$/m);
  assert.equal(code, 1, 'the unfixed file still has the restartPolicy error');
});

test('kws fix applies the safe fixes in place, keeps comments, and exits as check does on the result', async () => {
  const file = path.join(dir, 'wet.yaml');
  writeFileSync(file, JOB);
  const { code, stdout } = await run(['fix', file]);
  const fixed = readFileSync(file, 'utf8');
  assert.match(fixed, /restartPolicy: Never/);
  assert.match(fixed, /ttlSecondsAfterFinished: 86400/);
  assert.match(fixed, /name: once # keep me/);
  assert.match(stdout, /Fixed \d+ problem/);
  assert.equal(code, 0);
});

test('kws fix --rule limits the fixes to the named rules', async () => {
  const file = path.join(dir, 'rule.yaml');
  writeFileSync(file, JOB);
  await run(['fix', '--rule', 'job-ttl-missing', file]);
  const fixed = readFileSync(file, 'utf8');
  assert.match(fixed, /ttlSecondsAfterFinished/);
  assert.match(fixed, /restartPolicy: Always/);
});

test('kws fix reports usage errors with exit code 2', async () => {
  assert.equal((await run(['fix', '--rule'])).code, 2);
  assert.equal((await run(['fix', '--format', 'xml', dir])).code, 2);
});

test('unifiedDiff numbers its hunks', () => {
  const before = Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n');
  const after = before.replace('l2\n', 'l2\nnew\n').replace('l17', 'L17');
  const diff = unifiedDiff('f', before, after);
  assert.deepEqual(diff.split('\n').filter((l) => l.startsWith('@@')), ['@@ -1,6 +1,7 @@', '@@ -15,6 +16,6 @@']);
});
