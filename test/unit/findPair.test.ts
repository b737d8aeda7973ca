import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isMap, parseDocument, type YAMLMap } from 'yaml';
import { INCREMENTAL_MIN_SIZE, reparseInPlace } from '../../server/src/model/incremental';
import { findPair, get, scalarText } from '../../server/src/model/nodes';
import { parseYamlDocument, PARSE_OPTIONS } from '../../server/src/model/yamlDocument';

const keys = (n: number, prefix = 'k') => Array.from({ length: n }, (_, i) => `${prefix}${i}: ${i}`).join('\n');

function rootMap(text: string): YAMLMap {
  const doc = parseYamlDocument(text, { reportSyntax: true });
  assert.ok(isMap(doc.ast.contents));
  return doc.ast.contents;
}

test('a mapping finds the first pair with a key, large or small, as the yaml library orders them', () => {
  for (const size of [3, 12]) {
    const text = `${keys(size)}\nb: first\n80: port\nb: second\n`;
    const fast = rootMap(text);
    const full = parseDocument(text, PARSE_OPTIONS).contents as YAMLMap;
    for (const key of ['k0', `k${size - 1}`, 'b', '80', 'missing', '']) {
      assert.equal(scalarText(findPair(fast, key)?.value), scalarText(findPair(full, key)?.value), `${size} keys: ${key}`);
      assert.equal(findPair(fast, key), findPair(fast, key), 'the same pair each time');
    }
    assert.equal(scalarText(get(fast, 'b')), 'first');
    assert.equal(scalarText(get(fast, '80')), 'port');
  }
});

test('after an edit renames a key of a large mapping, lookups see the new key and not the old one', () => {
  const body = `${keys(12)}\nlabels:\n${keys(12, '  l')}\n`;
  const text = body + `#${'x'.repeat(INCREMENTAL_MIN_SIZE)}\n`;
  const before = parseYamlDocument(text, { reportSyntax: true });
  const labelsBefore = get(before.ast.contents, 'labels');
  assert.equal(scalarText(get(labelsBefore, 'l3')), '3');
  assert.equal(scalarText(get(before.ast.contents, 'k5')), '5');
  const at = text.indexOf('  l3:') + 2;
  const edited = text.slice(0, at) + 'q' + text.slice(at + 1);
  const after = reparseInPlace(before, edited, true);
  assert.ok(after, 'the edit is re-parsed in place');
  const labels = get(after.ast.contents, 'labels');
  assert.equal(get(labels, 'l3'), undefined);
  assert.equal(scalarText(get(labels, 'q3')), '3');
  assert.equal(scalarText(get(after.ast.contents, 'k5')), '5');
  const fresh = get(parseYamlDocument(edited, { reportSyntax: true }).ast.contents, 'labels');
  for (const key of ['l2', 'l3', 'q3', 'l11']) assert.equal(scalarText(get(labels, key)), scalarText(get(fresh, key)), key);
});

