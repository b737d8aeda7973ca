/**
 * For information: `kws check` over the whole corpus (wall time of the process, throughput) beside a bare
 * `yaml` `parseAllDocuments` of the same files in a fresh Node process.
 */
import { execFile } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const PARSE_SCRIPT = fileURLToPath(new URL('./parseFiles.mjs', import.meta.url));

function run(args, options) {
  return new Promise((resolve) => {
    const started = performance.now();
    execFile(process.execPath, args, { ...options, maxBuffer: 512 * 2 ** 20, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      resolve({ ms: performance.now() - started, code: error ? (error.code ?? error.signal) : 0, stdout, stderr });
    });
  });
}

/** Runs both; `cacheDir` receives the file list. Failures are returned as `{ error }`, never thrown. */
export async function corpusCheck(repo, corpus, cacheDir, timeoutMs) {
  const cli = await run([path.join(repo, 'dist/cli.js'), 'check', corpus, '--format', 'json'], { cwd: repo, timeout: timeoutMs });
  if (cli.code !== 0 && cli.code !== 1) return { error: `kws check exited with ${cli.code}: ${cli.stderr.slice(-500)}` };
  let report;
  try {
    report = JSON.parse(cli.stdout);
  } catch (e) {
    return { error: `kws check printed no JSON report: ${e.message}` };
  }
  const files = report.files.map((f) => path.resolve(repo, f.path));
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const listFile = path.join(cacheDir, 'corpus-files.txt');
  writeFileSync(listFile, files.join('\n'));
  const parse = await run([PARSE_SCRIPT, listFile], { cwd: repo, timeout: timeoutMs });
  const parsed = parse.code === 0 ? JSON.parse(parse.stdout) : undefined;
  return {
    files: files.length,
    bytes,
    documents: parsed?.documents,
    findings: report.files.reduce((n, f) => n + (f.findings?.length ?? 0), 0),
    kwsMs: cli.ms,
    parseMs: parsed?.ms,
    parseProcessMs: parse.ms,
    parseError: parsed ? undefined : `parse exited with ${parse.code}: ${parse.stderr.slice(-500)}`,
  };
}
