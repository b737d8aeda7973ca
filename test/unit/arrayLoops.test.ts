import assert from 'node:assert/strict';
import path from 'node:path';
import test from 'node:test';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { REPO_ROOT } from '../helpers/paths';

type Rewrite = (file: ts.SourceFile, checker: ts.TypeChecker) => { text: string; rewritten: number };

async function rewriter(): Promise<Rewrite> {
  const mod = (await import(pathToFileURL(path.join(REPO_ROOT, 'scripts', 'arrayLoops.mjs')).href)) as { rewriteArrayLoops: Rewrite };
  return mod.rewriteArrayLoops;
}

/** Type-checks `source` as one strict file and rewrites its loops. */
async function rewrite(source: string): Promise<{ text: string; rewritten: number }> {
  const fileName = path.join(REPO_ROOT, '__sample__.ts');
  const options: ts.CompilerOptions = { strict: true, target: ts.ScriptTarget.ES2022, noEmit: true, types: [] };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language) => (name === fileName ? ts.createSourceFile(name, source, language, true) : getSourceFile(name, language));
  const program = ts.createProgram([fileName], options, host);
  return (await rewriter())(program.getSourceFile(fileName)!, program.getTypeChecker());
}

/** Runs a sample's `run()` and returns what it logged. */
function run(source: string): unknown {
  const js = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS } }).outputText;
  const module = { exports: {} as { run(): unknown } };
  new Function('module', 'exports', js)(module, module.exports);
  return module.exports.run();
}

const SAMPLE = `
export function run(): unknown[] {
  const log: unknown[] = [];
  const grows = [1, 2, 3];
  for (const x of grows) {
    if (x === 1) grows.push(4);
    log.push(x);
  }
  const pairs: [string, number][] = [['a', 1], ['b', 2]];
  for (const [k, v] of pairs) log.push(k + v);
  for (const [, v] of pairs) log.push(v);
  for (const { length } of ['abc', 'de']) log.push(length);
  const fns: (() => number)[] = [];
  for (const x of [10, 20]) fns.push(() => x);
  log.push(fns.map((f) => f()));
  outer: for (const a of [1, 2, 3]) {
    for (const b of [1, 2, 3]) {
      if (b === 2) continue outer;
      if (a === 3) break outer;
      log.push(\`\${a}\${b}\`);
    }
  }
  for (let x of [1, 2]) {
    x *= 10;
    log.push(x);
  }
  for (const x of [1, 2]) {
    const y = x * 3;
    log.push(y);
  }
  const either: number[] | readonly string[] = log.length > 100 ? [1] : ['z'];
  for (const x of either) log.push(x);
  for (const x of [1, 2]) if (x > 1) log.push('one statement');
  for (const x of new Set([7, 8])) log.push(x);
  for (const c of 'hi') log.push(c);
  function* numbers() {
    yield 5;
  }
  for (const n of numbers()) log.push(n);
  for (const [k, v] of new Map([['m', 1]])) log.push(k, v);
  for (const [a = 9] of [[] as number[]]) log.push(a);
  return log;
}
`;

test('rewrites for…of over arrays and tuples into indexed loops that behave the same', async () => {
  const { text, rewritten } = await rewrite(SAMPLE);
  assert.equal(rewritten, 11);
  assert.deepEqual(run(text), run(SAMPLE));
  assert.equal(text.split('\n').length, SAMPLE.split('\n').length, 'every edit stays on its line');
  for (const kept of ["new Set([7, 8])) log.push", "of 'hi')", 'of numbers())', "of new Map([['m', 1]]))", 'const [a = 9] of']) {
    assert.ok(text.includes(kept), `${kept} is left as it is`);
  }
  assert.match(text, /const __loope\d+ = __loopa\d+\[__loopi\d+\], k = __loope\d+\[0\], v = __loope\d+\[1\]/);
});

test('reads the length at every step, as the array iterator does', async () => {
  const source = `export function run() { const xs = [1]; let n = 0; for (const x of xs) { if (xs.length < 4) xs.push(x + 1); n++; } return n; }`;
  const { text, rewritten } = await rewrite(source);
  assert.equal(rewritten, 1);
  assert.equal(run(text), 4);
});

test('generated names never clash with the names of the file', async () => {
  const source = `export function run() { const __loopi0 = 'mine'; const out: string[] = []; for (const x of ['a']) out.push(x + __loopi0); return out; }`;
  const { text } = await rewrite(source);
  assert.match(text, /__loop_i0/);
  assert.deepEqual(run(text), ['amine']);
});
