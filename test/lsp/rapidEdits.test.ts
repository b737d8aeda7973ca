import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { LSPErrorCodes, type Diagnostic } from 'vscode-languageserver-protocol';
import { WorkloadStudioProtocol as P } from '../../server/src/protocol';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import { CancellationTokenSource, fileUri, LspClient } from '../helpers/lspClient';
import { CORPUS, needsCorpus, REPO_ROOT } from '../helpers/paths';
import { applyLineEdit, documentLineRanges, Random, randomLineEdit } from '../helpers/randomEdits';

const FILE = path.join(CORPUS, 'argo-cd', 'manifests', 'install.yaml');
const EDITS = 2000;
const EVERY = 20;
const SEED = 0x5eed10;
const DEADLINE = 100_000;
/** The file is over the default size limits; raise them so the whole file is analysed. */
const SETTINGS = { limits: Object.fromEntries(Object.keys(DEFAULT_SETTINGS.limits).map((k) => [k, 1e9])) };
const CANCELLED = new Set<number>([LSPErrorCodes.RequestCancelled, LSPErrorCodes.ContentModified, LSPErrorCodes.ServerCancelled]);

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const keys = (diagnostics: Diagnostic[]) =>
  diagnostics.map((d) => `${d.code}|${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}|${d.message}`).sort();

const mib = (s: P.DebugStatsResult) => (s.heapUsed / 1048576).toFixed(1);

/** The outcome of a request: answered, cancelled with one of the accepted codes, or failed otherwise. */
async function outcome(what: string, answer: Promise<unknown>): Promise<'answered' | 'cancelled' | string> {
  try {
    await answer;
    return 'answered';
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    return typeof code === 'number' && CANCELLED.has(code) ? 'cancelled' : `${what}: ${String(e)}`;
  }
}

/**
 * Has the server load the ajv validator of every kind in `text`, by checking one resource of each kind with an
 * unknown field in another document. Resources that fit their schema never need ajv, so without this the heap
 * measured after the first analysis would lack the validators that the edits' invalid states load once per kind.
 */
async function loadValidators(client: LspClient, text: string): Promise<void> {
  const kinds = new Set<string>();
  for (const [, apiVersion, kind] of text.matchAll(/^apiVersion: (\S+)\nkind: (\S+)$/gm)) kinds.add(`${apiVersion} ${kind}`);
  const uri = 'file:///virtual/rapid/validators.yaml';
  client.open(uri, [...kinds].map((k) => `apiVersion: ${k.split(' ')[0]}\nkind: ${k.split(' ')[1]}\nmetadata: {name: v}\nunknownField: 1\n`).join('---\n'));
  const found = await client.diagnostics(uri, 60_000);
  assert.ok(kinds.size > 5 && found.filter((d) => d.code === 'schema/unknown-field').length === kinds.size, 'every kind was validated by ajv');
  client.close(uri);
}

test('2,000 rapid edits to argo-cd install.yaml: same text, fresh-equal diagnostics, every request settled, heap back within 20% once restored', needsCorpus(), async (t) => {
  const started = Date.now();
  const original = readFileSync(FILE, 'utf8');
  const lines = original.split('\n');
  const docs = documentLineRanges(lines);
  const biggest = docs.reduce((a, b) => (b[1] - b[0] > a[1] - a[0] ? b : a));
  const uri = fileUri(FILE);
  const client = await LspClient.start({ nodeArgs: ['--expose-gc'], settings: SETTINGS });
  let fresh: LspClient | undefined;
  try {
    client.open(uri, original);
    const initial = await client.diagnostics(uri, 60_000);
    assert.ok(initial.length > 10 && !initial.some((d) => String(d.code).startsWith('limits/')), 'the whole file is analysed');
    await loadValidators(client, original);
    const first = await client.request<P.DebugStatsResult>(P.debugStats, { textDocument: { uri }, gc: true });
    assert.equal(first.gcForced, true, 'the server runs with --expose-gc');
    assert.equal(first.document?.sha256, sha256(original));
    const opened = Date.now();

    const random = new Random(SEED);
    const pending: Promise<string>[] = [];
    let inBiggest = 0;
    for (let i = 1; i <= EDITS; i++) {
      const [from, to] = random.pick(docs);
      const edit = randomLineEdit(random, lines, from, to);
      if (from === biggest[0]) inBiggest++;
      applyLineEdit(lines, edit);
      client.change(uri, [{ range: { start: { line: edit.line, character: edit.start }, end: { line: edit.line, character: edit.end } }, text: edit.text }]);
      if (i % EVERY) continue;
      const [pf, pt] = random.pick(docs);
      const line = pf + random.int(pt - pf);
      const position = { line, character: random.int(lines[line].length + 1) };
      const source = random.int(3) === 0 ? new CancellationTokenSource() : undefined;
      const params = { textDocument: { uri }, position };
      pending.push(outcome(`completion@${i}`, client.request('textDocument/completion', params, DEADLINE, source?.token)));
      pending.push(outcome(`hover@${i}`, client.request('textDocument/hover', params, DEADLINE, source?.token)));
      pending.push(outcome(`diagnostic@${i}`, client.request('textDocument/diagnostic', { textDocument: { uri } }, DEADLINE, source?.token)));
      source?.cancel();
    }
    const sent = Date.now();
    const outcomes = await Promise.all(pending);
    const settled = Date.now();
    const failures = outcomes.filter((o) => o !== 'answered' && o !== 'cancelled');
    assert.deepEqual(failures, [], 'every request is answered or cancelled');

    const expected = lines.join('\n');
    const last = await client.request<P.DebugStatsResult>(P.debugStats, { textDocument: { uri } });
    assert.equal(last.document?.version, EDITS + 1);
    assert.equal(last.document?.length, expected.length);
    assert.equal(last.document?.sha256, sha256(expected), "the server's text equals the locally edited copy");
    const final = await client.diagnostics(uri, 60_000);
    const edited = await client.request<P.DebugStatsResult>(P.debugStats, { gc: true });

    fresh = await LspClient.start({ nodeArgs: ['--expose-gc'], settings: SETTINGS });
    fresh.open(uri, expected);
    const reference = await fresh.diagnostics(uri, 60_000);
    const freshHeap = await fresh.request<P.DebugStatsResult>(P.debugStats, { gc: true });
    assert.deepEqual(keys(final), keys(reference), 'diagnostics after the edits equal a fresh analysis of the final text');

    const restored = original.split('\n');
    for (const [line, text] of lines.entries()) {
      if (text === restored[line]) continue;
      const end = { line, character: text.replace(/\r$/, '').length };
      client.change(uri, [{ range: { start: { line, character: 0 }, end }, text: restored[line].replace(/\r$/, '') }]);
    }
    assert.deepEqual(keys(await client.diagnostics(uri, 60_000)), keys(initial), 'the restored text has exactly its first findings again');
    const heap = await client.request<P.DebugStatsResult>(P.debugStats, { textDocument: { uri }, gc: true });
    assert.equal(heap.document?.sha256, sha256(original));

    const ratio = heap.heapUsed / first.heapUsed;
    t.diagnostic(
      `${EDITS} edits (${inBiggest} in the ${biggest[1] - biggest[0]}-line CRD), ${pending.length} requests ` +
        `(${outcomes.filter((o) => o === 'cancelled').length} cancelled); open+first analysis ${opened - started} ms, ` +
        `sending ${sent - opened} ms, settling ${settled - sent} ms, total ${Date.now() - started} ms; ` +
        `heap after GC: first analysis ${mib(first)}, edited text ${mib(edited)} (fresh server: ${mib(freshHeap)}), restored text ${mib(heap)} MiB (×${ratio.toFixed(2)}); ` +
        `${final.length} diagnostics on the edited text`,
    );
    assert.ok(inBiggest > 0, 'some edits hit the big CRD document');
    assert.ok(reference.length > 0, 'the final text still has findings to compare');
    assert.ok(ratio <= 1.2 && ratio >= 0.8, `heap after forced GC within 20% of the first (${ratio.toFixed(2)})`);
  } finally {
    await client.shutdown();
    await fresh?.shutdown();
  }
});

test('an edit is seen by the next request on another document, however soon it comes', async () => {
  const dir = 'test/fixtures/workspaces/pdb-selector-matches-nothing/fires/misspelled';
  const api = readFileSync(path.join(REPO_ROOT, dir, 'api.yaml'), 'utf8');
  const pdb = readFileSync(path.join(REPO_ROOT, dir, 'pdb.yaml'), 'utf8');
  const client = await LspClient.start();
  try {
    const [apiUri, pdbUri] = ['file:///virtual/rapid/api.yaml', 'file:///virtual/rapid/pdb.yaml'];
    client.open(apiUri, api);
    client.open(pdbUri, pdb);
    const codes = async () => (await client.diagnostics(pdbUri)).map((d) => d.code);
    assert.ok((await codes()).includes('pdb-selector-matches-nothing'));
    const lines = api.split('\n');
    for (const [line, text] of lines.entries()) {
      const at = text.indexOf('app: api');
      if (at >= 0) client.change(apiUri, [{ range: { start: { line, character: at + 5 }, end: { line, character: at + 8 } }, text: 'apii' }]);
    }
    assert.ok(!(await codes()).includes('pdb-selector-matches-nothing'), 'the PDB now selects the edited Deployment');
  } finally {
    await client.shutdown();
  }
});
