import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { INCREMENTAL_MIN_SIZE, reparseInPlace } from '../../server/src/model/incremental';
import { splitDocuments } from '../../server/src/model/split';
import { parseYamlDocument, type YamlDocument } from '../../server/src/model/yamlDocument';
import { CORPUS, needsCorpus } from '../helpers/paths';
import { Random, TOKENS } from '../helpers/randomEdits';

/** Every node of a tree in source order, as (kind, range, scalar value) rows. */
function rows(root: unknown): string[] {
  const out: string[] = [];
  const visit = (n: unknown): void => {
    if (!n) {
      out.push("null");
      return;
    }
    if (isPair(n)) {
      visit(n.key);
      visit(n.value);
      return;
    }
    const node = n as Node;
    const kind = isMap(node) ? 'map' : isSeq(node) ? 'seq' : isScalar(node) ? `scalar:${String(node.value)}:${node.type}` : 'other';
    out.push(`${kind}@${node.range?.join(',')}`);
    if (isMap(node) || isSeq(node)) for (const item of node.items) visit(item);
  };
  visit(root);
  return out;
}

function same(incremental: YamlDocument, fresh: YamlDocument, what: string): void {
  assert.deepEqual(rows(incremental.ast.contents), rows(fresh.ast.contents), `tree ${what}`);
  assert.deepEqual(incremental.problems.map((p) => [p.ruleId, p.code, p.span]), fresh.problems.map((p) => [p.ruleId, p.code, p.span]), `problems ${what}`);
  assert.deepEqual(incremental.resources.map((r) => [r.kind, r.name, r.span, r.kindSpan]), fresh.resources.map((r) => [r.kind, r.name, r.span, r.kindSpan]), `resources ${what}`);
}

/** A random edit anywhere in a text: a token typed, characters deleted, a line broken, a line re-indented. */
function edit(random: Random, text: string): string {
  const at = random.int(text.length);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const r = random.next();
  if (r < 0.45) return text.slice(0, at) + random.pick(TOKENS) + text.slice(at);
  if (r < 0.7) return text.slice(0, at) + text.slice(at + 1 + random.int(3));
  if (r < 0.8) return text.slice(0, at) + '\n' + ' '.repeat(random.int(12)) + random.pick(['x: 1', '- y', 'z:', '']) + text.slice(at);
  if (r < 0.9) return text.slice(0, lineStart) + '  ' + text.slice(lineStart);
  const end = text.indexOf('\n', at);
  return end === -1 ? text : text.slice(0, end) + 'x' + text.slice(end);
}

/** YAML documents of the corpus between the incremental threshold and 160 KB, at most `count`. */
function largeDocuments(count: number): string[] {
  const out: string[] = [];
  const files = readdirSync(CORPUS, { recursive: true }).map(String).filter((f) => /\.ya?ml$/.test(f)).sort();
  for (const f of files) {
    const file = path.join(CORPUS, f);
    if (statSync(file).size < INCREMENTAL_MIN_SIZE) continue;
    const text = readFileSync(file, 'utf8');
    if (text.includes('{{')) continue;
    for (const s of splitDocuments(text)) {
      const doc = text.slice(s.start, s.end);
      if (doc.length >= INCREMENTAL_MIN_SIZE && doc.length < 160_000 && out.length < count) out.push(doc);
    }
  }
  return out;
}

test('a large document re-parsed around an edit equals a fresh parse of the new text, over chains of random edits', needsCorpus(), () => {
  const docs = largeDocuments(6);
  assert.ok(docs.length >= 4, `only ${docs.length} large documents in the corpus`);
  const random = new Random(20261125);
  let spliced = 0;
  let edits = 0;
  for (const [i, original] of docs.entries()) {
    let text = original;
    let doc = parseYamlDocument(text, { reportSyntax: true });
    for (let k = 0; k < 40; k++) {
      text = edit(random, text);
      edits++;
      const fresh = parseYamlDocument(text, { reportSyntax: true });
      const incremental = reparseInPlace(doc, text, true);
      if (incremental) {
        spliced++;
        same(incremental, fresh, `document ${i}, edit ${k}`);
        doc = incremental;
      } else doc = fresh;
    }
  }
  assert.ok(spliced >= edits / 4, `only ${spliced} of ${edits} edits took the partial re-parse`);
});

test('the partial re-parse declines what it cannot place: anchors, tags, small documents, edits that change structure outside', () => {
  const big = (body: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n${body}`;
  const lines = Array.from({ length: 3000 }, (_, i) => `  key${i}: value-${i}`).join('\n') + '\n';
  const plain = parseYamlDocument(big(lines), { reportSyntax: true });
  const typed = big(lines.replace('value-1500', 'value-1500x'));
  const done = reparseInPlace(plain, typed, true);
  assert.ok(done, 'a typed character inside a value of a large mapping is re-parsed in place');
  same(done, parseYamlDocument(typed, { reportSyntax: true }), 'typed');

  const anchored = parseYamlDocument(big(lines.replace('value-10', '&a value-10')), { reportSyntax: true });
  assert.equal(reparseInPlace(anchored, big(lines.replace('value-10', '&a value-10').replace('value-1500', 'value-1500x')), true), undefined);

  const merging = big(lines.replace('  key1500: value-1500', '  key1500:\n    <<: {merged: in}\n    own: x'));
  assert.equal(reparseInPlace(parseYamlDocument(big(lines), { reportSyntax: true }), merging, true), undefined, 'a merge key typed into a document without one');

  const small = parseYamlDocument('a:\n  b: 1\n', { reportSyntax: true });
  assert.equal(reparseInPlace(small, 'a:\n  b: 2\n', true), undefined);

  const again = parseYamlDocument(big(lines), { reportSyntax: true });
  const dedented = big(lines.replace('  key1500: value-1500', 'key1500: value-1500'));
  const result = reparseInPlace(again, dedented, true);
  if (result) same(result, parseYamlDocument(dedented, { reportSyntax: true }), 'dedented');
});
