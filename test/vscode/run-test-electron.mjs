#!/usr/bin/env node
// Runs the extension-host test suite in a downloaded desktop VS Code via @vscode/test-electron
// (the `npm run test:vscode` entry). Needs internet for the first download (cached in .vscode-test/)
// and a display; on a headless Linux CI run it under `xvfb-run -a`.
//
//   node test/vscode/run-test-electron.mjs [--vscode-version stable|insiders|1.91.0] [--timeout SECONDS]
//
// Without internet use test/vscode/run-code-server.mjs instead.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';

const { values } = parseArgs({
  options: {
    'vscode-version': { type: 'string', default: process.env.VSCODE_TEST_VERSION ?? 'stable' },
    timeout: { type: 'string', default: '900' },
  },
});
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const extensionTestsPath = join(repoRoot, 'out/vscode/suite/index.js');
const workspace = join(repoRoot, 'test/vscode/fixtures/workspace');

/**
 * Stops a run that outlives `seconds`: SIGINT makes runTests close VS Code gracefully, a second
 * SIGINT makes it kill the process tree, and the process exits if it is still alive after that.
 */
function startWatchdog(seconds) {
  const interrupt = (message) => {
    console.error(message);
    process.kill(process.pid, 'SIGINT');
  };
  const timers = [
    setTimeout(() => interrupt(`timed out after ${seconds}s; closing VS Code`), seconds * 1000),
    setTimeout(() => interrupt('VS Code did not close; killing it'), (seconds + 15) * 1000),
    setTimeout(() => process.exit(1), (seconds + 25) * 1000),
  ];
  for (const timer of timers) timer.unref();
}

async function main() {
  const seconds = Number(values.timeout);
  if (!(seconds > 0)) throw new Error('--timeout must be a positive number of seconds');
  if (!existsSync(extensionTestsPath)) {
    throw new Error(`${extensionTestsPath} is missing; compile with: npx tsc -p test/vscode`);
  }
  startWatchdog(seconds);
  await runTests({
    version: values['vscode-version'],
    cachePath: join(repoRoot, '.vscode-test'),
    timeout: 60_000,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath,
    launchArgs: [workspace, '--disable-extensions'],
  });
}

try {
  await main();
  process.exit(0);
} catch (error) {
  console.error(`error: ${error.message}`);
  process.exit(1);
}
