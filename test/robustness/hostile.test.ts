import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Position } from '../../server/src/model/types';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/service/settings';
import { CASE_BUDGET_MS, runCase, type CaseInput, type CaseOutcome } from '../fuzz/harness';
import { CORPUS, needsCorpus } from '../helpers/paths';
import * as gen from './inputs';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Memory a case may keep: twenty times its input plus 200 MB. */
const memoryBound = (inputSize: number) => 20 * inputSize + 200 * 1024 * 1024;

/** Runs one hostile input through the whole pipeline and checks: no failure, within 2 s, memory bounded (measured after a full GC for inputs over 256 KB). */
function hostile(name: string, input: CaseInput): CaseOutcome {
  const size = input.bytes?.length ?? input.text?.length ?? 0;
  const measure = size > 256 * 1024;
  if (measure) gc();
  const before = process.memoryUsage().heapUsed;
  const lines = input.text ? countLines(input.text) : 1;
  const positions: Position[] = [0, 1, lines >> 1, lines - 1].flatMap((line) => [0, 2, 11].map((character) => ({ line, character })));
  const outcome = runCase({ positions, fixFindings: 5, ...input });
  if (measure) gc();
  const kept = process.memoryUsage().heapUsed - before;
  assert.deepEqual(outcome.failures, [], name);
  assert.ok(outcome.cpuMs <= CASE_BUDGET_MS, `${name}: ${Math.round(outcome.cpuMs)} ms of CPU (${Math.round(outcome.elapsedMs)} ms wall)`);
  assert.ok(kept < memoryBound(size), `${name}: kept ${Math.round(kept / 1e6)} MB for ${size} characters`);
  assert.ok(outcome.file, `${name}: no model`);
  return outcome;
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const ids = (o: CaseOutcome) => new Set(o.findings.map((f) => f.ruleId));
const LIMIT = 'limits/file-too-large';

test('an alias bomb is read without expanding aliases', () => {
  const o = hostile('alias bomb', { text: gen.aliasBomb() });
  assert.equal(o.file!.documents[0].doc.resources[0]?.kind, 'ConfigMap');
});

test('10,000-deep nesting: flow sequences, flow mappings and compact block sequences', () => {
  for (const [name, text] of [['flow seq', gen.deepFlowSeq(10_000)], ['flow map', gen.deepFlowMap(10_000)], ['compact seq', gen.deepCompactSeq(10_000)]]) {
    const o = hostile(name, { text });
    assert.equal(o.file!.documents.length, 1, name);
  }
});

test('10,000-deep block mappings (50 MB of indentation) get the size-limit finding', () => {
  const o = hostile('deep block map', { text: gen.deepBlockMap(10_000) });
  assert.ok(ids(o).has(LIMIT));
  assert.equal(o.file!.documents.length, 0);
});

test('a 20 MB file is not parsed and says so in an info finding', () => {
  const o = hostile('20 MB', { text: gen.manyDeployments(20 * 1024 * 1024) });
  assert.deepEqual(o.findings.map((f) => [f.ruleId, f.severity, f.range.start.line]), [[LIMIT, 'info', 0]]);
  assert.match(o.findings[0].message, /not analysed/);
});

test('a 200,000-line single document gets the limit finding; under the limits it is checked', () => {
  const o = hostile('200,000 lines', { text: gen.longDocument(200_000) });
  assert.ok(ids(o).has(LIMIT));
  const chinese = hostile('200,000 lines zh', { text: gen.longDocument(200_000), settings: { ...DEFAULT_SETTINGS, locale: 'zh-CN' } });
  assert.match(chinese.findings[0].message, /未对其进行分析/);
  const under = hostile('15,000 lines', { text: gen.longDocument(15_000) });
  assert.ok(!ids(under).has(LIMIT));
  assert.equal(under.file!.documents[0].doc.resources[0]?.kind, 'ConfigMap');
});

test('5,000 documents in one file: the first 500 are checked, a finding marks where checking stops', () => {
  const text = gen.manyDocuments(5_000);
  assert.ok(text.split('\n').length < DEFAULT_SETTINGS.limits.maxLines);
  const o = hostile('5,000 documents', { text });
  assert.equal(o.file!.documents.length, DEFAULT_SETTINGS.limits.maxResources);
  const limit = o.findings.find((f) => f.ruleId === LIMIT)!;
  assert.equal(limit.range.start.line, o.file!.lines().positionAt(text.indexOf('{name: c500}')).line - 1);
  assert.match(limit.message, /Only the first 500 resources/);
});

test('the limits are settings: lower ones apply, and the finding can be turned off', () => {
  const settings: Settings = { ...DEFAULT_SETTINGS, limits: { maxFileSize: 1_000_000, maxLines: 1_000_000, maxResources: 3 } };
  const list = hostile('List cut at 3', { text: gen.bigList(10), settings });
  assert.equal(list.file!.documents[0].doc.resources.length, 3);
  assert.equal(list.findings.find((f) => f.ruleId === LIMIT)?.range.start.line, 3 + 3 * 3);
  const o = hostile('maxResources 3', { text: gen.manyDocuments(10), settings });
  assert.equal(o.file!.documents.length, 3);
  assert.ok(ids(o).has(LIMIT));
  const small = hostile('maxFileSize 100', { text: gen.deployment(1), settings: { ...settings, limits: { ...settings.limits, maxFileSize: 100 } } });
  assert.deepEqual([...ids(small)], [LIMIT]);
  const off = hostile('off', { text: gen.deployment(1), settings: { ...settings, limits: { ...settings.limits, maxFileSize: 100 }, rules: { [LIMIT]: { level: 'off' } } } });
  assert.deepEqual(off.findings, []);
});

test('a 1 MB single-line flow mapping gets the size-limit finding; 300 KB of one is checked', () => {
  const o = hostile('1 MB flow map', { text: gen.singleLineFlowMap(1_000_000) });
  assert.deepEqual([...ids(o)], [LIMIT]);
  assert.match(o.findings[0].message, /a line of \d+ characters/);
  const under = hostile('300 KB flow map', { text: gen.singleLineFlowMap(300_000) });
  assert.ok(!ids(under).has(LIMIT));
  assert.equal(under.file!.documents[0].doc.resources[0]?.kind, 'ConfigMap');
});

test('binary bytes, invalid UTF-8, UTF-16 with a byte-order mark and NUL bytes', () => {
  const binary = hostile('binary', { bytes: gen.binaryBytes(64 * 1024, 7) });
  assert.ok(ids(binary).has('encoding'));
  const latin = hostile('invalid UTF-8', { bytes: gen.invalidUtf8() });
  assert.ok(ids(latin).has('encoding'));
  assert.equal(latin.file!.documents[0].doc.resources[0]?.kind, 'ConfigMap');
  for (const endian of ['le', 'be'] as const) {
    const o = hostile(`UTF-16 ${endian}`, { bytes: gen.utf16(gen.deployment(3), endian) });
    assert.ok(!ids(o).has('encoding') && !ids(o).has('syntax'), endian);
    assert.equal(o.file!.documents[0].doc.resources[0]?.name, 'web-3', endian);
  }
  hostile('NUL', { text: gen.nulBytes });
  hostile('NUL bytes', { bytes: Buffer.from(gen.nulBytes, 'utf8') });
});

test('every Helm template of the corpus, ignored and best-effort', needsCorpus(), () => {
  const dir = path.join(CORPUS, 'helm-templates');
  const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => !/\.(tgz|png)$/.test(f));
  let checked = 0;
  for (const rel of files) {
    const full = path.join(dir, rel);
    let bytes: Buffer;
    try {
      bytes = readFileSync(full);
    } catch {
      continue;
    }
    for (const templates of ['ignore', 'bestEffort'] as const) {
      const o = hostile(`${rel} (${templates})`, { bytes, settings: { ...DEFAULT_SETTINGS, templates } });
      if (templates === 'ignore' && o.file!.template) assert.equal(o.file!.documents.length, 0, rel);
    }
    checked++;
  }
  assert.ok(checked >= 100, `${checked} templates`);
});

test('keys and values of 100 KB', () => {
  const o = hostile('100 KB keys', { text: gen.hugeKeysAndValues(100_000) });
  assert.equal(o.file!.documents.length, 3);
  assert.equal(o.file!.documents[0].doc.resources[0]?.name, 'big');
  assert.ok(ids(o).has('name-invalid') || ids(o).has('schema/format') || ids(o).has('syntax'), [...ids(o)].join());
});

test('<< merge cycles terminate', () => {
  const o = hostile('merge cycles', { text: gen.mergeCycles() });
  assert.equal(o.file!.documents.length, 3);
});

test('YAML 1.1 scalars are read as Kubernetes reads them: on/no booleans, 0755 octal', () => {
  const o = hostile('yaml 1.1', { text: gen.yaml11 });
  assert.deepEqual(o.file!.documents[0].doc.ast.toJS().flags, { a: true, b: false, c: true, d: false, mode: 493 });
  const pod = hostile('octal mode', { text: gen.octalMode });
  assert.ok(!pod.findings.some((f) => f.ruleId.startsWith('schema/')), JSON.stringify(pod.findings.filter((f) => f.ruleId.startsWith('schema/'))));
});

test('duplicate keys are findings', () => {
  const o = hostile('duplicate keys', { text: gen.duplicateKeys });
  assert.equal(o.findings.filter((f) => f.ruleId === 'duplicate-key').length, 3);
});

test('a kind: List of 10,000 items gets the limit finding; of 2,000, the first 500 items are checked', () => {
  const o = hostile('List of 10,000', { text: gen.bigList(10_000) });
  assert.deepEqual([...ids(o)], [LIMIT]);
  assert.match(o.findings[0].message, /10001 resources/);
  const text = gen.bigList(2_000);
  const cut = hostile('List of 2,000', { text });
  assert.equal(cut.file!.documents[0].doc.resources.length, 500);
  assert.equal(cut.findings.find((f) => f.ruleId === LIMIT)?.range.start.line, cut.file!.lines().positionAt(text.indexOf('{name: c500}')).line - 2);
});
