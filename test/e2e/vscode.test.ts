import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../helpers/paths';

const CODE_SERVER = path.join(REPO_ROOT, '.vscode-test', 'code-server');
const installed = existsSync(CODE_SERVER) && readdirSync(CODE_SERVER).some((f) => f.startsWith('.installed-'));
const reason = !existsSync('/usr/bin/chromium')
  ? 'skipped: /usr/bin/chromium is absent (.ci/run installs it)'
  : !installed
    ? 'skipped: code-server is not installed (run bash scripts/vscode/setup-code-server.sh; .ci/run does)'
    : false;

/** Runs the extension-host suite in code-server and checks its closing summary. */
async function runSuite(extraArgs: string[]): Promise<void> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'test', 'vscode', 'run-code-server.mjs'), '--timeout', '300', ...extraArgs], { cwd: REPO_ROOT });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const summary = /^(\d+) passed, (\d+) failed$/m.exec(output);
  assert.ok(summary, `no summary line in:\n${output.slice(-4000)}`);
  assert.equal(summary[2], '0', output.slice(-8000));
  assert.ok(Number(summary[1]) > 0, 'at least one extension-host test ran');
  assert.equal(code, 0, output.slice(-4000));
}

test('the extension-host suite passes in a real VS Code (code-server)', { skip: reason, timeout: 600_000 }, () => runSuite([]));

test('the extension-host suite passes in Restricted Mode (untrusted workspace)', { skip: reason, timeout: 600_000 }, () => runSuite(['--trust-prompt']));
