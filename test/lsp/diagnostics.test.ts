import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic, Range } from 'vscode-languageserver-protocol';
import { getRule } from '../../server/src/rules/registry';
import { yaml } from '../helpers/cursor';
import { LspClient } from '../helpers/lspClient';

const DEPLOYMENT = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
    namespace: shop
  spec:
    replicas: 2
    selector:
      matchLabels:
        app: web
    template:
      metadata:
        labels:
          app: web
      spec:
        containers:
          - name: web
            image: nginx:1.27
`;

const range = (sl: number, sc: number, el: number, ec: number): Range => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

interface Case {
  name: string;
  text: string;
  expected: { code: string; range: Range; document: number; message?: RegExp }[];
}

const CASES: Case[] = [
  {
    name: 'a tab used as indentation',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n',
    expected: [{ code: 'syntax', range: range(3, 0, 3, 1), document: 0, message: /^YAML syntax error: tabs cannot indent YAML/ }],
  },
  {
    name: 'a duplicate key (range on the second key)',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: {}\n  name: b\n',
    expected: [{ code: 'duplicate-key', range: range(5, 2, 5, 6), document: 0, message: /^Key `name` appears twice/ }],
  },
  { name: 'a clean Deployment (no YAML-level finding)', text: DEPLOYMENT, expected: [] },
  {
    name: 'a syntax error in the 3rd document after a CRLF document',
    text: 'apiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n  name: shop\r\n---\r\n' + 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n' + 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a: b\n',
    expected: [{ code: 'syntax', range: range(13, 8, 13, 9), document: 2, message: /block collection cannot be a mapping key/ }],
  },
  {
    name: 'an alias to an anchor of another document',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: &n a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: *n\n',
    expected: [{ code: 'syntax', range: range(8, 8, 8, 10), document: 1, message: /alias to an anchor not defined before it \(\*n\)/ }],
  },
];

/** The YAML-level findings (the `yaml` rule category); Kubernetes rule packs are tested elsewhere. */
const yamlLevel = (found: Diagnostic[]) => found.filter((d) => getRule(String(d.code))?.category === 'yaml');

function assertWellFormed(d: Diagnostic): void {
  assert.equal(d.source, 'workload-studio');
  assert.equal(typeof d.code, 'string');
  assert.match(d.codeDescription?.href ?? '', new RegExp(`^https://.+/${String(d.code)}\\.md$`));
  assert.equal((d.data as { ruleId: string }).ruleId, d.code);
  assert.ok(d.severity !== undefined && d.severity >= 1 && d.severity <= 4);
}

for (const pull of [true, false]) {
  describe(`diagnostics over ${pull ? 'pull' : 'push'}`, () => {
    let client: LspClient;
    before(async () => {
      client = await LspClient.start({ pullDiagnostics: pull });
    });
    after(() => client.shutdown());

    CASES.forEach((c, i) => {
      test(c.name, async () => {
        const uri = `file:///virtual/${pull ? 'pull' : 'push'}/case${i}.yaml`;
        client.open(uri, c.text);
        const all = await client.diagnostics(uri);
        all.forEach(assertWellFormed);
        const found = yamlLevel(all);
        assert.ok(found.every((d) => d.severity === 1), 'YAML-level findings are errors');
        assert.deepEqual(
          found.map((d) => ({ code: d.code, range: d.range, document: (d.data as { document: number }).document })),
          c.expected.map(({ code, range, document }) => ({ code, range, document })),
        );
        c.expected.forEach((e, j) => e.message && assert.match(found[j].message as string, e.message));
        client.close(uri);
      });
    });

    test('diagnostics follow incremental edits version by version', async () => {
      const uri = `file:///virtual/${pull ? 'pull' : 'push'}/edited.yaml`;
      const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\ndata:\n  key: value\n';
      client.open(uri, text);
      assert.deepEqual(await client.diagnostics(uri), []);

      client.change(uri, [{ range: range(10, 2, 10, 5), text: 'name' }]);
      let found = await client.diagnostics(uri);
      assert.deepEqual(found, []);

      client.change(uri, [{ range: range(8, 9, 8, 9), text: '\n  name: c' }]);
      found = await client.diagnostics(uri);
      assert.deepEqual(found.map((d) => [d.code, d.range]), [['duplicate-key', range(9, 2, 9, 6)]]);
      assert.equal((found[0].data as { document: number }).document, 1);

      client.change(uri, [{ range: range(9, 8, 9, 9), text: 'c: d' }]);
      found = await client.diagnostics(uri);
      assert.deepEqual(found.map((d) => d.code).sort(), ['duplicate-key', 'syntax']);

      client.change(uri, [{ range: range(8, 9, 9, 12), text: '' }]);
      assert.equal(client.version(uri), 5);
      assert.deepEqual(await client.diagnostics(uri), []);

      client.change(uri, [{ range: range(3, 0, 3, 2), text: '\t' }]);
      found = await client.diagnostics(uri);
      assert.deepEqual(found.map((d) => [d.code, d.range]), [['syntax', range(3, 0, 3, 1)]]);

      client.change(uri, [{ range: range(3, 0, 3, 1), text: '  ' }]);
      assert.deepEqual(await client.diagnostics(uri), []);
      client.close(uri);
    });
  });
}
