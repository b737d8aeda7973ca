import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { complete } from '../../server/src/completion/complete';
import { snippetToPlainText } from '../../server/src/completion/plainText';
import { parseYamlFile } from '../../server/src/model/yamlFile';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import { marked } from '../helpers/cursor';

describe('snippet to plain text', () => {
  test('tab stops become their defaults', () => {
    assert.equal(snippetToPlainText('path: ${1:/healthz}\nport: ${2:8080}'), 'path: /healthz\nport: 8080');
    assert.equal(snippetToPlainText('a: $1\nb: ${2}\n$0'), 'a: \nb: \n');
    assert.equal(snippetToPlainText('effect: ${1|NoSchedule,PreferNoSchedule,NoExecute|}'), 'effect: NoSchedule');
    assert.equal(snippetToPlainText('${1:outer ${2:inner} end}'), 'outer inner end');
  });

  test('variables become their defaults or nothing', () => {
    assert.equal(snippetToPlainText('name: ${TM_FILENAME_BASE:app}-$CURRENT_YEAR'), 'name: app-');
  });

  test('escapes become the characters and stray dollars stay', () => {
    assert.equal(snippetToPlainText('cost: \\$5 \\} \\\\'), 'cost: $5 } \\');
    assert.equal(snippetToPlainText('${1:a\\}b}'), 'a}b');
    assert.equal(snippetToPlainText('${1|x\\,y,z|}'), 'x,y');
    assert.equal(snippetToPlainText('echo $ and ${1:open'), 'echo $ and ${1:open');
    assert.equal(snippetToPlainText('plain text'), 'plain text');
  });

  test('no snippet proposal of a probe or a starter keeps a tab stop', () => {
    const at = (source: string) => {
      const m = marked(source);
      return complete(parseYamlFile(m.text, { templates: 'ignore' }), m.cursors[0], DEFAULT_SETTINGS).filter((p) => p.snippet);
    };
    const list = [...at('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: x\n      |\n'), ...at('|')];
    assert.ok(list.length > 10);
    for (const p of list) assert.doesNotMatch(snippetToPlainText(p.insertText), /\$\{?\d/, p.label);
  });
});
