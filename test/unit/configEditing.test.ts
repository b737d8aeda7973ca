import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configCompletions, configHover } from '../../server/src/config/configEditing';
import { allRules } from '../../server/src/rules/registry';
import { marked } from '../helpers/cursor';

const complete = (source: string, locale: 'en' | 'zh-CN' = 'en') => {
  const m = marked(source);
  return configCompletions(m.text, m.cursors[0], locale).map((c) => c.label);
};

test('top-level keys on an empty line', () => {
  assert.deepEqual(complete('|'), ['profile', 'kubernetes', 'templates', 'defaultNamespace', 'exclude', 'rules']);
});

test('values of profile and of kubernetes versions', () => {
  assert.deepEqual(complete('profile: |'), ['production', 'baseline', 'restricted', 'minimal']);
  assert.ok(complete('kubernetes:\n  minVersion: |').includes('"1.28"'));
  assert.deepEqual(complete('kubernetes:\n  |'), ['minVersion', 'maxVersion']);
});

test('rule ids under rules, levels as their values, also when partly typed', () => {
  assert.equal(complete('rules:\n  |').length, allRules().length);
  assert.ok(complete('rules:\n  job-re|').includes('job-restart-policy'));
  assert.deepEqual(complete('rules:\n  privileged: |'), ['error', 'warning', 'info', 'hint', 'off']);
  assert.deepEqual(complete('rules:\n  privileged:\n    severity: |'), ['error', 'warning', 'info', 'hint', 'off']);
});

test('hover explains rule ids and keys, in the UI language', () => {
  const m = marked('rules:\n  job-restart|-policy: off\n');
  const hover = configHover(m.text, m.cursors[0], 'zh-CN')!;
  assert.match(hover.markdown, /job-restart-policy/);
  assert.match(hover.markdown, /规则文档/);
  assert.deepEqual(hover.range.start, { line: 1, character: 2 });
  const key = marked('prof|ile: minimal\n');
  assert.match(configHover(key.text, key.cursors[0], 'en')!.markdown, /rule set/);
});
