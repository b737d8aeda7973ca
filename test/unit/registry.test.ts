import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { allRules } from '../../server/src/rules/registry';
import { REPO_ROOT } from '../helpers/paths';

test('rule ids are unique and kebab-case', () => {
  const ids = allRules().map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
});

test('every rule has titles and messages in English and Chinese', () => {
  for (const r of allRules()) {
    for (const text of [r.title, ...Object.values(r.messages)]) {
      assert.ok(text.en.trim(), `${r.id} en`);
      assert.match(text['zh-CN'], /[\u4e00-\u9fff]/, `${r.id} zh-CN`);
    }
  }
});

test('every rule has a docs page in both languages', () => {
  for (const r of allRules()) {
    assert.ok(existsSync(path.join(REPO_ROOT, 'docs', 'rules', `${r.id}.md`)), `docs/rules/${r.id}.md`);
    assert.ok(existsSync(path.join(REPO_ROOT, 'docs', 'rules', 'zh-CN', `${r.id}.md`)), `docs/rules/zh-CN/${r.id}.md`);
  }
});
