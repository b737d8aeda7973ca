// Extension-host test entry in the @vscode/test-electron style: runs every compiled
// `*.test.js` beside this file with mocha (tdd UI). When WORKLOAD_STUDIO_TEST_RESULTS
// names a file (set by test/vscode/run-code-server.mjs), the results are also written
// there as JSON, because a code-server window does not exit when the tests end.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import Mocha = require('mocha');

/** One test (or failed hook) outcome as written to the results file. */
export interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  duration?: number;
  error?: { message: string; stack?: string };
}

/** The JSON document written to the results file. */
export interface SuiteResults {
  vscodeVersion: string;
  appHost: string;
  tests: TestResult[];
}

const RESULTS_ENV = 'WORKLOAD_STUDIO_TEST_RESULTS';

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    .map((name) => path.join(dir, name));
}

function errorInfo(error: unknown): { message: string; stack?: string } {
  if (error instanceof Error) return { message: error.message, stack: error.stack };
  return { message: String(error) };
}

function writeResults(tests: TestResult[]): void {
  const target = process.env[RESULTS_ENV];
  if (!target) return;
  const results: SuiteResults = { vscodeVersion: vscode.version, appHost: vscode.env.appHost, tests };
  const partial = `${target}.partial`;
  fs.writeFileSync(partial, JSON.stringify(results, null, 2));
  fs.renameSync(partial, target);
}

function runMocha(mocha: Mocha, tests: TestResult[]): Promise<number> {
  return new Promise((done) => {
    const runner = mocha.run(done);
    runner.on('pass', (test) => {
      tests.push({ title: test.fullTitle(), state: 'passed', duration: test.duration });
    });
    runner.on('pending', (test) => {
      tests.push({ title: test.fullTitle(), state: 'pending' });
    });
    runner.on('fail', (test, error) => {
      tests.push({ title: test.fullTitle(), state: 'failed', duration: test.duration, error: errorInfo(error) });
    });
  });
}

/** Runs the suite; rejects when any test failed or none ran. */
export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', timeout: 30_000, color: !process.env[RESULTS_ENV] });
  const tests: TestResult[] = [];
  let failures: number;
  try {
    for (const file of testFiles(__dirname)) mocha.addFile(file);
    failures = await runMocha(mocha, tests);
  } catch (error) {
    tests.push({ title: 'loading the test suite', state: 'failed', error: errorInfo(error) });
    failures = 1;
  }
  writeResults(tests);
  if (failures > 0) throw new Error(`${failures} test(s) failed`);
  if (!tests.some((test) => test.state === 'passed')) throw new Error('no tests ran');
}
