import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasContent, splitDocuments } from '../../server/src/model/split';

const parts = (text: string) => splitDocuments(text).map((s) => text.slice(s.start, s.end));

test('splits at --- lines and keeps the marker with the document it starts', () => {
  assert.deepEqual(parts('a: 1\n---\nb: 2\n--- # c\nc: 3\n'), ['a: 1\n', '---\nb: 2\n', '--- # c\nc: 3\n']);
});

test('a --- that is not alone at column 0 does not split', () => {
  assert.deepEqual(parts('a: |\n  ---\n  x\nb: "---"\nc: ---x\n'), ['a: |\n  ---\n  x\nb: "---"\nc: ---x\n']);
});

test('... ends a document; directives stay with the --- below them', () => {
  assert.deepEqual(parts('a: 1\n...\n%YAML 1.1\n---\nb: 2\n'), ['a: 1\n...\n', '%YAML 1.1\n---\nb: 2\n']);
});

test('content detection ignores comments, blank lines and bare markers', () => {
  assert.equal(hasContent('# only a comment\n\n---\n...\n'), false);
  assert.equal(hasContent('\r\n  # c\r\n'), false);
  assert.equal(hasContent('--- {a: 1}\n'), true);
  assert.equal(hasContent('---\nkind: Pod\n'), true);
});
