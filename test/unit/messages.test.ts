import assert from 'node:assert/strict';
import { test } from 'node:test';
import { format } from '../../server/src/service/messages';

test('format fills placeholders in the chosen language, localized arguments included, and leaves unknown ones as written', () => {
  const text = { en: 'Container `{name}` uses {n} of {what}; {unknown} stays, {name} repeats', 'zh-CN': '容器 `{name}` 使用了 {what} 的 {n}' };
  const what = { en: 'memory', 'zh-CN': '内存' };
  for (let round = 0; round < 2; round++) {
    assert.equal(format(text, 'en', { name: 'app', n: 3, what }), 'Container `app` uses 3 of memory; {unknown} stays, app repeats');
    assert.equal(format(text, 'zh-CN', { name: 'app', n: 3, what }), '容器 `app` 使用了 内存 的 3');
  }
  assert.equal(format({ en: '{a}{b}', 'zh-CN': '' }, 'en', { a: 1, b: '' }), '1');
  assert.equal(format({ en: 'no placeholders {}', 'zh-CN': '' }, 'en'), 'no placeholders {}');
});
