import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { CLI_JS } from '../helpers/paths';
import * as gen from './inputs';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function kws(args: string[], cwd: string, stdin?: Uint8Array): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_JS, ...args], { cwd, env: { ...process.env, LANG: 'en_US.UTF-8' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

function report(run: Run): { files: { path: string; findings: { ruleId: string; severity: string; message: string }[] }[] } {
  assert.ok(run.code === 0 || run.code === 1, `kws exited ${run.code}: ${run.stderr}`);
  assert.doesNotMatch(run.stderr, /Error:|at .*\.js:\d+/);
  return JSON.parse(run.stdout);
}

test('kws check and fix: a 20 MB file, binary bytes on stdin, and limits from .kws.yaml', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kws-hostile-'));
  try {
    writeFileSync(path.join(dir, 'big.yaml'), gen.manyDeployments(20 * 1024 * 1024));
    const big = report(await kws(['check', '--format', 'json', 'big.yaml'], dir));
    assert.deepEqual(big.files[0].findings.map((f) => [f.ruleId, f.severity]), [['limits/file-too-large', 'info']]);
    assert.match(big.files[0].findings[0].message, /not analysed/);
    const fixed = await kws(['fix', 'big.yaml'], dir);
    assert.ok(fixed.code === 0 || fixed.code === 1, fixed.stderr);
    assert.match(fixed.stderr, /big\.yaml: not rewritten: the file is over a size limit/);

    const binary = report(await kws(['check', '--format', 'json', '-'], dir, gen.binaryBytes(256 * 1024, 3)));
    assert.ok(binary.files[0].findings.some((f) => f.ruleId === 'encoding'));
    const text = await kws(['check', '-'], dir, gen.binaryBytes(4096, 5));
    assert.ok(text.code === 0 || text.code === 1, text.stderr);
    assert.match(text.stdout, /encoding/);

    writeFileSync(path.join(dir, '.kws.yaml'), 'limits:\n  maxResources: 2\n');
    writeFileSync(path.join(dir, 'three.yaml'), gen.manyDocuments(3));
    const capped = report(await kws(['check', '--format', 'json', 'three.yaml'], dir));
    const limit = capped.files.flatMap((f) => f.findings).find((f) => f.ruleId === 'limits/file-too-large');
    assert.match(limit?.message ?? '', /first 2 resources/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
