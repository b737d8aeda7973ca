import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeBytes } from '../../server/src/model/decode';
import { parseYamlFile } from '../../server/src/model/yamlFile';
import { analyzeFile } from '../../server/src/service/analyze';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';

test('valid UTF-8 decodes without a finding; a BOM is dropped', () => {
  const d = decodeBytes(Buffer.from('\ufeffkind: Pod\n', 'utf8'));
  assert.equal(d.text, 'kind: Pod\n');
  assert.equal(d.invalidAt, undefined);
});

test('invalid UTF-8 is replaced and reported where it is', () => {
  const bytes = Buffer.concat([Buffer.from('a: 1\nb: x'), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('\n')]);
  const d = decodeBytes(bytes);
  assert.equal(d.invalidAt, 9);
  const fs = analyzeFile(parseYamlFile(d.text, { templates: 'ignore' }), DEFAULT_SETTINGS, undefined, d);
  assert.deepEqual(fs.map((f) => [f.ruleId, f.range.start.line, f.range.start.character]), [['encoding', 1, 4]]);
});

test('UTF-16 with a byte-order mark decodes', () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('kind: Pod\n', 'utf16le')]);
  assert.equal(decodeBytes(le).text, 'kind: Pod\n');
  assert.equal(decodeBytes(le).encoding, 'utf-16le');
  const be = Buffer.from(le.subarray(2)).swap16();
  assert.equal(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be])).text, 'kind: Pod\n');
});

test('messages follow the locale', () => {
  const fs = analyzeFile(parseYamlFile('a: 1\na: 2\n', { templates: 'ignore' }), { ...DEFAULT_SETTINGS, locale: 'zh-CN' });
  assert.match(fs[0].message, /键 `a`/);
});

test('a rule set to off reports nothing; a severity override applies', () => {
  const file = parseYamlFile('a: 1\na: 2\n', { templates: 'ignore' });
  assert.deepEqual(analyzeFile(file, { ...DEFAULT_SETTINGS, rules: { 'duplicate-key': { level: 'off' } } }), []);
  assert.equal(analyzeFile(file, { ...DEFAULT_SETTINGS, rules: { 'duplicate-key': { level: 'warning' } } })[0].severity, 'warning');
});
