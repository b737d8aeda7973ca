import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { Document, isDocument, parseDocument } from 'yaml';
import { listYamlFiles } from '../../server/src/index/scan';
import { fastParse } from '../../server/src/model/fastYaml';
import { Anchors } from '../../server/src/model/nodes';
import { hasContent, splitDocuments } from '../../server/src/model/split';
import { duplicateKeys, PARSE_OPTIONS } from '../../server/src/model/yamlDocument';
import { mutate, prng } from '../fuzz/mutate';
import { CORPUS, needsCorpus, REPO_ROOT } from '../helpers/paths';
import { applyLineEdit, Random, randomLineEdit } from '../helpers/randomEdits';
import { documentDifference } from '../helpers/yamlTrees';

test('integers as keys and values read as the yaml library reads them: leading zeros (YAML 1.1 octal), signs, underscores, long ones, hex and binary', () => {
  const numbers = ['0', '7', '42', '8080', '08', '0755', '000', '-5', '+5', '1_000', '123456789012345', '1234567890123456', '99999999999999999999', '0x1F', '0b11'];
  for (const n of numbers) {
    const text = `${n}: ${n}\nlist: [${n}, a]\nnested:\n  - ${n}\n`;
    assert.ok(assertSameOrDeclined(text, n), `the fast parser takes ${JSON.stringify(text)}`);
  }
  const parsed = fastParse('a: 42\nb: 0755\n', PARSE_OPTIONS)!.ast.toJS() as Record<string, unknown>;
  assert.deepEqual(parsed, { a: 42, b: 493 });
});

test('a plain text resolves the same as a key and as a value, whichever the parser met first', () => {
  const texts = ['<<', 'y', 'No', 'true', '~', 'null', '10', '0755', '0x1F', '1:20', '.5', '1e3', '.inf', '2024-01-31', 'name', 'v1'];
  for (const t of texts) {
    for (const text of [`${t}: v\nv: ${t}\n`, `v: ${t}\n${t}: v\n`, `- ${t}\n- ${t}: v\n`, `a: [${t}, {${t}: b}]\n`]) {
      assertSameOrDeclined(text, JSON.stringify(text));
    }
  }
  assert.equal(fastParse('a: <<\n', PARSE_OPTIONS)?.ast.toJS().a, '<<', 'a value `<<` is a string');
  assert.equal(fastParse('<<: {}\n', PARSE_OPTIONS), undefined, 'after it, a key `<<` (a merge) is still left to the yaml library');
});

test('the fast parser makes documents of their own that the yaml library takes for its own', () => {
  const text = 'a: 1\nb: [x, "y"]\n';
  const a = fastParse(text, PARSE_OPTIONS)!.ast;
  const b = fastParse('c: 3\n', PARSE_OPTIONS)!.ast;
  const full = parseDocument(text, PARSE_OPTIONS);
  assert.ok(isDocument(a) && a instanceof Document);
  assert.notEqual(a.errors, b.errors);
  assert.notEqual(a.warnings, b.warnings);
  assert.notEqual(a.directives, b.directives);
  const { _directives, ...options } = full.options as typeof full.options & { _directives?: unknown };
  assert.ok(_directives, 'the composer passes its stream directives in the options; a document parsed alone has none');
  assert.deepEqual(a.options, options);
  assert.equal(a.schema.name, full.schema.name);
  assert.deepEqual(a.toJS(), full.toJS());
  assert.equal(a.toString(), full.toString());
  assert.deepEqual(a.clone().toJS(), full.toJS());
});

/**
 * Asserts the fast parser either declines `text` or gives exactly the `yaml` library's document, with
 * no anchors and a duplicate-key flag that agrees with the full duplicate-key walk.
 */
function assertSameOrDeclined(text: string, label: string): boolean {
  const parsed = fastParse(text, PARSE_OPTIONS);
  const full = parseDocument(text, PARSE_OPTIONS);
  if (!parsed) return false;
  const fast = parsed.ast;
  assert.equal(parsed.repeatsKeys, duplicateKeys(full.contents).length > 0, `${label}: duplicate keys`);
  assert.ok(new Anchors(full).isEmpty(), `${label}: anchors`);
  const d = documentDifference(fast, full);
  if (d && process.env.KWS_DUMP) writeFileSync(process.env.KWS_DUMP, text);
  assert.equal(d, undefined, `${label}: ${d}\n${text.slice(0, 400)}`);
  return true;
}

function documentsOf(text: string): string[] {
  return splitDocuments(text).map((s) => text.slice(s.start, s.end)).filter(hasContent);
}

test('the YAML 1.1 tag tests are the ones the fast scalar resolution assumes', () => {
  const tests = new Document(undefined, PARSE_OPTIONS).schema.tags.filter((t) => t.default && 'test' in t && t.test).map((t) => `${String(t.default)} ${(t as { test: RegExp }).test.source}`);
  assert.deepEqual(tests, [
    'true ^(?:~|[Nn]ull|NULL)?$',
    'true ^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$',
    'true ^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$',
    'true ^[-+]?0b[0-1_]+$',
    'true ^[-+]?0[0-7_]+$',
    'true ^[-+]?[0-9][0-9_]*$',
    'true ^[-+]?0x[0-9a-fA-F_]+$',
    'true ^(?:[-+]?\\.(?:inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN)$',
    'true ^[-+]?(?:[0-9][0-9_]*)?(?:\\.[0-9_]*)?[eE][-+]?[0-9]+$',
    'true ^[-+]?(?:[0-9][0-9_]*)?\\.[0-9_]*$',
    'key ^<<$',
    'true ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$',
    'true ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*$',
    'true ^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$',
  ]);
});

const ACCEPTED: Record<string, string> = {
  'scalars of every YAML 1.1 type': 'a: 1\nb: 0755\nc: 0x1f\nd: 1e3\ne: .inf\nf: on\ng: No\nh: ~\ni:\nj: 2024-01-31\nk: 1:30\nl: -.5\nm: true\nn: nginx:1.25\no: a#b\np: http://x/y?z=1\n',
  'quoted scalars with escapes': `a: "x\\ty\\u00e9\\x41\\"q\\\\"\nb: 'it''s'\n"c d": 'e'\n'f': ""\n`,
  'multi-line plain and quoted scalars': "a: one\n  two\n\n  three\nb: 'x\n   y'\nc: \"p\n  q\"\nd:\n  on the next line\n  and the one after\n",
  'block scalars with every chomping': 'a: |\n  x\n\n    y\n\nb: |-\n  x\nc: |+\n  x\n\nd: >\n  p\n  q\n\n  r\ne: >-\n  s\nf: |\n\n  after a blank\n',
  'sequences, compact and nested': 'a:\n- 1\n- b: 2\n  c:\n  - 3\n  -\n- - x\n  - y\nd:\n  - e\n',
  'flow collections of scalars': "a: []\nb: {}\nc: [x, \"y\", 'z', 1]\nd: {k: v, \"q\": 2}\n",
  'comments after values and markers': '--- # start\na: 1 # one\nb: # empty\n  c: "x" # quoted\nd: # before\ne: [a] # flow\n',
  'leading comments and an indented root': '# a comment\n\n  a: 1\n  b:\n    - c\n',
  'a document ending in an empty value': 'kind:\n',
  'repeated keys': 'a: 1\nb:\n  c: 1\n  c: 2\na: 3\n',
  'a key repeated far into a large mapping': Array.from({ length: 24 }, (_, i) => `k${i}: ${i}\n`).join('') + 'k20: again\n',
  'a large mapping without a repeated key': Array.from({ length: 24 }, (_, i) => `k${i}: ${i}\n`).join(''),
  'keys named like properties of objects': '__proto__: 1\nconstructor: 2\n0: 3\nhasOwnProperty: 4\n',
  'more distinct keys than the parser shares, and keys too long to share':
    Array.from({ length: 5000 }, (_, i) => `key-${i}: ${i}\n`).join('') + `${'k'.repeat(80)}: long\nkey-4999x: after\n`,
};

for (const [name, text] of Object.entries(ACCEPTED)) {
  test(`fast parse of ${name} equals the yaml library's`, () => {
    assert.ok(assertSameOrDeclined(text, name), 'the fast parser declined');
  });
}

const DECLINED: Record<string, string> = {
  anchor: 'a: &x 1\nb: *x\n',
  tag: 'a: !!str 1\n',
  'merge key': '<<: {a: 1}\n',
  'a quoted << key, which the merge lookups take for one': '"<<": {a: 1}\n',
  'a << key in a flow mapping': 'b: {"<<": 1}\n',
  directive: '%YAML 1.1\n---\na: 1\n',
  'comment line between entries': 'a: 1\n# c\nb: 2\n',
  'tab indentation': 'a:\n\tb: 1\n',
  CRLF: 'a: 1\r\nb: 2\r\n',
  'nested flow collection': 'a: [[1]]\n',
  'multi-line flow collection': 'a: [1,\n  2]\n',
  'bad indentation': 'a:\n  b: 1\n   c: 2\n',
  'implicit key on a value line': 'a: b: c\n',
  'unterminated quote': 'a: "x\n',
  'a document that is a scalar': 'just text\n',
  'an explicit indentation indicator': 'a: |2\n   x\n',
};

for (const [name, text] of Object.entries(DECLINED)) {
  test(`the fast parser leaves ${name} to the yaml library`, () => {
    assert.equal(fastParse(text, PARSE_OPTIONS), undefined);
  });
}

test('fast-parsed nodes are the yaml library classes and behave as such', () => {
  const doc = fastParse('a:\n  b: [1, x]\n', PARSE_OPTIONS)!.ast;
  assert.deepEqual(doc.toJS(), { a: { b: [1, 'x'] } });
  assert.equal(String(doc), 'a:\n  b: [ 1, x ]\n');
  const copy = doc.clone();
  assert.deepEqual(copy.toJS(), doc.toJS());
  assert.notEqual(copy.contents, doc.contents);
});

test('every corpus document the fast parser takes parses exactly as with the yaml library', needsCorpus(), async () => {
  let bytes = 0;
  let taken = 0;
  for (const file of (await listYamlFiles(CORPUS, [])).sort()) {
    for (const doc of documentsOf(readFileSync(file, 'utf8'))) {
      bytes += doc.length;
      if (assertSameOrDeclined(doc, path.relative(CORPUS, file))) taken += doc.length;
    }
  }
  assert.ok(taken / bytes > 0.85, `the fast parser took only ${((100 * taken) / bytes).toFixed(1)} % of the corpus bytes`);
});

/** Random small documents built from the constructs the fast parser takes, near and past its edges. */
function generated(random: Random): string {
  const SCALARS = ['x', '1', '0755', 'on', '~', '', 'a b', 'a:b', 'a #c', '"q\\n"', "'s''s'", '[a, b]', '{k: v}', '[]', '|\n  l1\n\n  l2', '>-\n  f1\n  f2', '|+\n  k\n', 'p\n  cont', '"m\n  l"', '2024-01-01', '-1', '.5', '# only a comment', 'x # c', '- y', 'k: v'];
  const out: string[] = [];
  const node = (indent: number, depth: number, inSeq: boolean): void => {
    const n = 1 + random.int(3);
    const pad = ' '.repeat(indent);
    for (let i = 0; i < n; i++) {
      const lead = inSeq ? `${pad}- ` : `${pad}${random.pick(['a', 'b', '"q k"', "'s'", 'true', '1'])}: `;
      const r = random.next();
      if (depth < 3 && r < 0.35) {
        out.push(lead.trimEnd());
        node(indent + random.pick([0, 2, 4]), depth + 1, random.next() < 0.4);
      } else {
        const value = random.pick(SCALARS).replace(/\n/g, `\n${pad}${random.pick(['  ', '    ', ' '])}`);
        out.push(lead + value);
      }
      if (random.next() < 0.05) out.push(random.pick(['', '   ', `${pad}# c`]));
    }
  };
  node(random.pick([0, 0, 2]), 0, random.next() < 0.3);
  return `${random.next() < 0.3 ? '---\n' : ''}${out.join('\n')}${random.next() < 0.8 ? '\n' : ''}`;
}

test('generated and mutated documents: the fast parser declines or equals the yaml library', needsCorpus(), async () => {
  const seed = Number(process.env.KWS_FUZZ_SEED ?? 20261126);
  const random = new Random(seed);
  const r = prng(seed);
  const sources = [...(await listYamlFiles(path.join(REPO_ROOT, 'test', 'fixtures'), [])), ...(await listYamlFiles(path.join(CORPUS, 'kubernetes-examples'), []))].sort();
  const docs = sources.flatMap((f) => documentsOf(readFileSync(f, 'utf8'))).filter((d) => d.length < 20_000);
  let taken = 0;
  for (let i = 0; i < 4000; i++) {
    const text = generated(random);
    if (assertSameOrDeclined(text, `generated #${i}`)) taken++;
  }
  for (let i = 0; i < 4000; i++) {
    const base = docs[random.int(docs.length)];
    let text: string;
    if (i % 2) text = mutate(base, r).text;
    else {
      const lines = base.split('\n');
      for (let k = 0; k <= random.int(3); k++) applyLineEdit(lines, randomLineEdit(random, lines, 0, lines.length));
      text = lines.join('\n');
    }
    if (assertSameOrDeclined(text, `mutated #${i}`)) taken++;
  }
  assert.ok(taken > 2000, `only ${taken} of 8000 cases took the fast path`);
});
