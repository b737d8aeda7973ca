import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { loadModule } from '../../server/src/codeCache';

const CODE_CACHE_JS = path.resolve(__dirname, '../../server/src/codeCache.js');

/** Loads `file` in a fresh Node process, as a server start would, and reports the module's answer and how it was compiled. */
function loadInChild(file: string, cacheDir: string): { answer: unknown; outcome: string } {
  const script = `const c = require(${JSON.stringify(CODE_CACHE_JS)});
const m = c.loadModule(${JSON.stringify(file)}, ${JSON.stringify(cacheDir)});
process.stdout.write(JSON.stringify({ answer: m.answer(), outcome: c.codeCacheOutcomes().get(${JSON.stringify(file)}) }));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { answer: unknown; outcome: string };
}

function moduleFolder(body: string): { dir: string; file: string; cacheDir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'kws-code-cache-'));
  writeFileSync(path.join(dir, 'helper.js'), 'exports.twice = (n) => n * 2;\n');
  const file = path.join(dir, 'main.js');
  writeFileSync(file, `const { twice } = require('./helper');\n${body}\nexports.answer = () => ({ value: compute(), file: __filename, dir: __dirname, isModule: module.exports === exports });\n`);
  return { dir, file, cacheDir: path.join(dir, 'cache') };
}

test('without a cache folder a module loads as require loads it', () => {
  const { file } = moduleFolder('function compute() { return twice(21); }');
  const m = loadModule(file, undefined) as { answer: () => unknown };
  assert.deepEqual(m.answer(), { value: 42, file, dir: path.dirname(file), isModule: true });
});

test('the first start compiles and writes the cache at exit, the next start takes it', () => {
  const { dir, file, cacheDir } = moduleFolder('function compute() { return [1, 2, 3].map(twice).reduce((a, b) => a + b); }');
  const expected = { value: 12, file, dir, isModule: true };
  assert.deepEqual(loadInChild(file, cacheDir), { answer: expected, outcome: 'miss' });
  const written = readdirSync(cacheDir);
  assert.equal(written.length, 1);
  assert.match(written[0], /^main\.js\.[0-9a-f]{32}\.v8$/);
  const writtenAt = statSync(path.join(cacheDir, written[0])).mtimeMs;
  assert.deepEqual(loadInChild(file, cacheDir), { answer: expected, outcome: 'hit' });
  assert.deepEqual(readdirSync(cacheDir), written);
  assert.equal(statSync(path.join(cacheDir, written[0])).mtimeMs, writtenAt, 'a cache V8 took is not written again when nothing more was compiled');
});

test('a damaged cache is refused, the module still loads, and the cache is written again', () => {
  const { file, cacheDir } = moduleFolder('function compute() { return twice(5); }');
  loadInChild(file, cacheDir);
  const [name] = readdirSync(cacheDir);
  const cacheFile = path.join(cacheDir, name);
  const good = readFileSync(cacheFile);
  writeFileSync(cacheFile, Buffer.alloc(good.length, 7));
  const refused = loadInChild(file, cacheDir);
  assert.equal(refused.outcome, 'rejected');
  assert.equal((refused.answer as { value: number }).value, 10);
  assert.notDeepEqual(readFileSync(cacheFile), Buffer.alloc(good.length, 7));
  assert.equal(loadInChild(file, cacheDir).outcome, 'hit');
});

test('a changed module does not take the cache of its earlier text, and its new cache replaces the old one', () => {
  const { dir, file, cacheDir } = moduleFolder('function compute() { return twice(1); }');
  const other = path.join(dir, 'main2.js');
  writeFileSync(other, 'exports.answer = () => ({ value: 0 });\n');
  loadInChild(file, cacheDir);
  loadInChild(other, cacheDir);
  const before = readdirSync(cacheDir);
  writeFileSync(file, readFileSync(file, 'utf8').replace('twice(1)', 'twice(4)'));
  assert.deepEqual(loadInChild(file, cacheDir).outcome, 'miss');
  const after = loadInChild(file, cacheDir);
  assert.deepEqual([after.outcome, (after.answer as { value: number }).value], ['hit', 8]);
  const now = readdirSync(cacheDir);
  assert.equal(now.length, 2);
  assert.ok(now.includes(before.find((f) => f.startsWith('main2.js.'))!), 'another module\'s cache stays');
  assert.ok(!now.includes(before.find((f) => f.startsWith('main.js.'))!), 'the earlier text\'s cache is removed');
});

test('a cache folder that cannot be written leaves loading and exiting unharmed', () => {
  const { dir, file } = moduleFolder('function compute() { return twice(3); }');
  const blocked = path.join(dir, 'not-a-folder');
  writeFileSync(blocked, '');
  const cacheDir = path.join(blocked, 'cache');
  assert.deepEqual(loadInChild(file, cacheDir).outcome, 'miss');
  assert.deepEqual(loadInChild(file, cacheDir).outcome, 'miss');
});

test('a cache that cannot take its place leaves no temporary file behind', () => {
  const { file, cacheDir } = moduleFolder('function compute() { return twice(6); }');
  loadInChild(file, cacheDir);
  const [name] = readdirSync(cacheDir);
  rmSync(path.join(cacheDir, name));
  mkdirSync(path.join(cacheDir, name, 'occupied'), { recursive: true });
  assert.deepEqual(loadInChild(file, cacheDir), { answer: { value: 12, file, dir: path.dirname(file), isModule: true }, outcome: 'miss' });
  assert.deepEqual(readdirSync(cacheDir), [name], 'the rename failed and its temporary file is gone');
});
