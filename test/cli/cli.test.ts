import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { main } from '../../server/src/cli/main';
import { parseVersionWindow } from '../../server/src/cli/args';
import { CLI_JS } from '../helpers/paths';

async function run(argv: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: async () => Buffer.from(stdin),
    env: {},
    cwd: dir,
  });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(path.join(tmpdir(), 'kws-cli-'));
const good = path.join(dir, 'good.yaml');
const bad = path.join(dir, 'sub', 'bad.yml');
mkdirSync(path.dirname(bad));
writeFileSync(good, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n');
writeFileSync(bad, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n---\nx: [1\n');
writeFileSync(path.join(dir, 'notes.txt'), 'not yaml: [');

test('JSON output follows the version 1 contract', async () => {
  const { code, stdout } = await run(['check', '--format', 'json', dir]);
  assert.equal(code, 1);
  const report = JSON.parse(stdout);
  assert.equal(report.version, 1);
  assert.deepEqual(report.files.map((f: { path: string }) => path.basename(f.path)), ['good.yaml', 'bad.yml']);
  const badFile = report.files[1];
  assert.equal(badFile.documents, 2);
  assert.deepEqual(Object.keys(badFile.findings[0]), ['ruleId', 'severity', 'message', 'range', 'document', 'resource', 'fixes']);
  assert.deepEqual(badFile.findings[0].resource, null);
  assert.deepEqual(badFile.findings.map((f: { ruleId: string; document: number }) => [f.ruleId, f.document]), [['duplicate-key', 0], ['syntax', 1]]);
  assert.deepEqual(badFile.findings[0].range.start, { line: 4, character: 2 });
  assert.deepEqual(report.summary, { files: 2, documents: 3, findings: { error: 2, warning: 0, info: 0, hint: 0 } });
});

test('exit codes: 0 when clean, 1 at or above --fail-on, 2 for usage errors', async () => {
  assert.equal((await run(['check', good])).code, 0);
  assert.equal((await run(['check', bad])).code, 1);
  const usage = await run(['check', '--format', 'xml', good]);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /^kws: --format must be text, json or sarif/);
  assert.equal(usage.stderr.trim().split('\n').length, 1);
  assert.equal((await run(['check', '--bogus'])).code, 2);
  assert.equal((await run(['frobnicate'])).code, 2);
});

test('an unreadable file is reported, the rest go on, and the exit code is 2', async () => {
  const missing = path.join(dir, 'missing.yaml');
  const { code, stdout, stderr } = await run(['check', '--format', 'json', missing, good]);
  assert.equal(code, 2);
  const report = JSON.parse(stdout);
  assert.equal(report.files.length, 2);
  assert.equal(report.files[0].findings[0].ruleId, 'read-error');
  assert.match(stderr, /missing\.yaml.*ENOENT/);
});

test('reads standard input with -', async () => {
  const { code, stdout } = await run(['check', '--format', 'json', '-'], 'a: 1\na: 2\n');
  assert.equal(code, 1);
  assert.equal(JSON.parse(stdout).files[0].path, '-');
});

test('text output shows file:line:col, the source line and a caret', async () => {
  const { stdout } = await run(['check', bad]);
  const lines = stdout.split('\n');
  const at = lines.findIndex((l) => l.includes('[duplicate-key]'));
  assert.match(lines[at], /bad\.yml:5:3: error \[duplicate-key\]/);
  assert.equal(lines[at + 1], '      name: b');
  assert.equal(lines[at + 2], '      ^^^^');
  assert.match(lines.at(-2)!, /1 file\(s\), 2 document\(s\): 2 error\(s\)/);
});

test('--lang zh-CN prints Chinese messages', async () => {
  const { stdout } = await run(['check', '--lang', 'zh-CN', bad]);
  assert.match(stdout, /键 `name` 在同一映射中出现了两次/);
  assert.match(stdout, /1 个文件，2 个文档/);
});

test('--k8s-versions accepts a window or one version', () => {
  assert.deepEqual(parseVersionWindow('1.26-1.32'), { min: 26, max: 32 });
  assert.deepEqual(parseVersionWindow('1.30'), { min: 30, max: 30 });
  assert.throws(() => parseVersionWindow('1.32-1.26'));
  assert.throws(() => parseVersionWindow('1.20-1.26'));
  assert.throws(() => parseVersionWindow('latest'));
});

test('the bundled CLI runs as a process, reading stdin and setting the exit code', () => {
  const r = spawnSync(process.execPath, [CLI_JS, 'check', '--format', 'json', '-'], { input: 'kind: Pod\napiVersion: v1\n', encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).summary.documents, 1);
  const unreadable = path.join(dir, 'locked.yaml');
  writeFileSync(unreadable, 'a: 1\n');
  chmodSync(unreadable, 0o000);
  const dirRun = spawnSync(process.execPath, [CLI_JS, 'check', dir], { encoding: 'utf8' });
  assert.ok(dirRun.status === 1 || dirRun.status === 2, `status ${dirRun.status}`);
  chmodSync(unreadable, 0o644);
});

test('a reader that closes the output early (`kws check | head`) ends the CLI quietly with its own exit code', async () => {
  const child = spawn(process.execPath, [CLI_JS, 'check', bad], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const [status] = (await once(child, 'close')) as [number | null];
  assert.equal(stderr, '');
  assert.equal(status, 1);
});
