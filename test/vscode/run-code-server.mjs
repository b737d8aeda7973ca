#!/usr/bin/env node
// Runs the extension-host test suite inside code-server (a real VS Code) driven by headless Chromium.
//
//   node test/vscode/run-code-server.mjs [--extension DIR] [--tests INDEX_JS] [--workspace DIR]
//        [--screenshots DIR] [--timeout SECONDS] [--trust-prompt]
//
// Defaults: the repo as extension, out/vscode/suite/index.js, test/vscode/fixtures/workspace.
// The suite writes its results to the file named by WORKLOAD_STUDIO_TEST_RESULTS, which is set on
// the code-server process and inherited by its extension host.
// Exit code: 0 when at least one test ran and none failed, 130 when interrupted, else 1.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openWorkbench, pollUntil, repoRoot, startCodeServer, workbenchUrl } from './code-server.mjs';

const RESULTS_ENV = 'WORKLOAD_STUDIO_TEST_RESULTS';

function parseOptions() {
  const { values } = parseArgs({
    options: {
      extension: { type: 'string', default: repoRoot },
      tests: { type: 'string', default: join(repoRoot, 'out/vscode/suite/index.js') },
      workspace: { type: 'string', default: join(repoRoot, 'test/vscode/fixtures/workspace') },
      screenshots: { type: 'string' },
      timeout: { type: 'string', default: '300' },
      'trust-prompt': { type: 'boolean', default: false },
    },
  });
  const timeout = Number(values.timeout);
  if (!(timeout > 0)) throw new Error('--timeout must be a positive number of seconds');
  for (const key of ['extension', 'tests', 'workspace']) {
    values[key] = resolve(values[key]);
    if (!existsSync(values[key])) throw new Error(`--${key} does not exist: ${values[key]}`);
  }
  if (values.screenshots) values.screenshots = resolve(values.screenshots);
  return { ...values, timeout };
}

function formatResults(results) {
  const lines = [`VS Code ${results.vscodeVersion} (${results.appHost})`];
  for (const test of results.tests) {
    const mark = { passed: 'ok  ', failed: 'FAIL', pending: 'skip' }[test.state] ?? test.state;
    lines.push(`${mark} ${test.title}${test.duration === undefined ? '' : ` (${test.duration} ms)`}`);
    if (test.state === 'failed' && test.error) {
      const detail = test.error.stack || test.error.message;
      lines.push(...detail.split('\n').map((line) => `       ${line}`));
    }
  }
  const count = (state) => results.tests.filter((test) => test.state === state).length;
  if (count('pending')) lines.push(`${count('pending')} pending`);
  lines.push(`${count('passed')} passed, ${count('failed')} failed`);
  return { text: lines.join('\n'), passed: count('passed'), failed: count('failed') };
}

async function waitForResults(server, resultsPath, deadline, signal) {
  const text = await pollUntil(async () => {
    if (existsSync(resultsPath)) return readFile(resultsPath, 'utf8');
    if (await server.extensionHostExited() && !existsSync(resultsPath)) {
      throw new Error('the extension host exited without writing test results');
    }
    return undefined;
  }, { deadline, signal, what: `test results in ${resultsPath}`, intervalMs: 500 });
  return JSON.parse(text);
}

async function main() {
  const options = parseOptions();
  const deadline = Date.now() + options.timeout * 1000;
  const scratch = await mkdtemp(join(tmpdir(), 'ws-vscode-results-'));
  const resultsPath = join(scratch, 'results.json');
  const interrupt = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (interrupt.signal.aborted) return;
      console.error(`\n${signal}: stopping code-server and Chromium`);
      interrupt.abort(new Error(signal));
    });
  }

  let server;
  let browser;
  let page;
  let consoleErrors = [];
  try {
    server = await startCodeServer({
      trustPrompt: options['trust-prompt'],
      env: { [RESULTS_ENV]: resultsPath },
      deadline,
      signal: interrupt.signal,
      log: (line) => console.log(line),
    });
    const url = workbenchUrl(server, {
      folder: options.workspace, extensionPath: options.extension, testsPath: options.tests,
    });
    console.log(`opening ${url}`);
    ({ browser, page, consoleErrors } = await openWorkbench(url, { deadline, signal: interrupt.signal }));
    console.log('workbench loaded; waiting for test results');
    const summary = formatResults(await waitForResults(server, resultsPath, deadline, interrupt.signal));
    console.log(summary.text);
    return summary.failed === 0 && summary.passed > 0 ? 0 : 1;
  } catch (error) {
    if (interrupt.signal.aborted) return 130;
    console.error(`error: ${error.message}`);
    if (server) {
      console.error(`--- code-server log (tail) ---\n${await server.readLog()}`);
      console.error(`--- extension host log (tail) ---\n${await server.readExtensionHostLog()}`);
    }
    if (consoleErrors.length) {
      console.error(`--- workbench console errors (last 20) ---\n${consoleErrors.slice(-20).join('\n')}`);
    }
    return 1;
  } finally {
    if (page && options.screenshots && !interrupt.signal.aborted) {
      await mkdir(options.screenshots, { recursive: true });
      await page.screenshot({ path: join(options.screenshots, 'workbench-end.png'), timeout: 5000 })
        .catch((error) => console.error(`screenshot failed: ${error.message}`));
    }
    await browser?.close().catch(() => {});
    await server?.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}

process.exitCode = await main().catch((error) => {
  console.error(`error: ${error.message}`);
  return 1;
});
