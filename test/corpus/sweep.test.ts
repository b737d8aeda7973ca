import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { decodeBytes } from '../../server/src/model/decode';
import { fileUri, LspClient } from '../helpers/lspClient';
import { CLI_JS, CORPUS, needsCorpus, REPO_ROOT } from '../helpers/paths';

interface Comparable {
  ruleId: string;
  severity: string;
  message: string;
  range: Diagnostic['range'];
}

interface CliReport {
  version: number;
  files: { path: string; findings: Comparable[] }[];
}

const PER_FILE_MS = 2_000;
const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return yamlFiles(full);
    return e.isFile() && /\.ya?ml$/i.test(e.name) ? [full] : [];
  });
}

function runCli(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'en_US.UTF-8' };
    delete env.LC_ALL;
    delete env.LC_MESSAGES;
    const child = spawn(process.execPath, [CLI_JS, 'check', '--format', 'json', CORPUS], { cwd: REPO_ROOT, env });
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr }));
  });
}

const comparable = (f: Comparable): Comparable => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, range: f.range });

describe('corpus sweep', needsCorpus(), () => {
  const server = new Map<string, Comparable[]>();
  let files: string[] = [];

  test('with the corpus as its workspace, the server indexes every file, then answers each one within 2 s and survives', async (t) => {
    files = yamlFiles(CORPUS).sort();
    assert.ok(files.length > 0, `no YAML files under ${CORPUS}`);
    const client = await LspClient.start({ workspaceFolder: CORPUS, settings: {} });
    let started = Date.now();
    try {
      const ready = await client.waitFor(() => client.received<{ files: number; resources: number; skipped: unknown[] }>('workloadStudio/indexReady')[0], 90_000, 'indexReady');
      t.diagnostic(`index over the corpus: ${ready.files} files, ${ready.resources} resources in ${Date.now() - started} ms`);
      assert.equal(ready.files, files.length);
      assert.deepEqual(ready.skipped, []);
      assert.ok(ready.resources > 0);
      started = Date.now();
      for (const file of files) {
        const uri = fileUri(file);
        client.open(uri, decodeBytes(readFileSync(file)).text);
        const diagnostics = await client.diagnostics(uri, PER_FILE_MS).catch((e: unknown) => {
          throw new Error(`${path.relative(CORPUS, file)}: no diagnostics within ${PER_FILE_MS} ms (${String(e)})`);
        });
        client.close(uri);
        server.set(path.resolve(file), diagnostics.map((d) => comparable({ ruleId: (d.data as { ruleId: string }).ruleId, severity: SEVERITY[d.severity ?? 0], message: d.message as string, range: d.range })));
      }
      await client.request('textDocument/documentSymbol', { textDocument: { uri: fileUri(files[0]) } });
      assert.ok(client.alive, `the server exited: ${client.stderr}`);
      assert.doesNotMatch(client.stderr, /uncaught|unhandled|Error:/i);
      const logged = client.received<{ type: number; message: string }>('window/logMessage').filter((m) => m.type === 1);
      assert.deepEqual(logged.map((m) => m.message), []);
    } finally {
      await client.shutdown();
    }
    t.diagnostic(`server sweep: ${files.length} files in ${Date.now() - started} ms`);
  });

  test('the CLI JSON report over the corpus equals the server diagnostics file by file (encoding aside)', async (t) => {
    assert.equal(server.size, files.length, 'the server sweep did not complete');
    const started = Date.now();
    const run = await runCli();
    t.diagnostic(`CLI over the corpus: ${Date.now() - started} ms, exit ${run.code}`);
    assert.ok(run.code === 0 || run.code === 1, `kws exited ${run.code}: ${run.stderr}`);
    const report = JSON.parse(run.stdout) as CliReport;
    assert.equal(report.version, 1);
    const cli = new Map(report.files.map((f) => [path.resolve(REPO_ROOT, f.path), f.findings.filter((x) => x.ruleId !== 'encoding').map(comparable)]));
    assert.deepEqual([...cli.keys()].sort(), [...server.keys()].sort(), 'the CLI and the sweep saw different files');
    const differing = [...server].filter(([file, diags]) => !isDeepEqual(diags, cli.get(file)));
    assert.deepEqual(
      differing.slice(0, 5).map(([file, diags]) => ({ file: path.relative(CORPUS, file), server: diags, cli: cli.get(file) })),
      [],
      `${differing.length} files differ between the CLI and the server`,
    );
  });
});

function isDeepEqual(a: unknown, b: unknown): boolean {
  try {
    assert.deepStrictEqual(a, b);
    return true;
  } catch {
    return false;
  }
}
