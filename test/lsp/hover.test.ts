import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { marked } from '../helpers/cursor';
import { LspClient } from '../helpers/lspClient';

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 4
  strategy:
    rollingUpdate: {maxSurge: 2|5%, maxUn|available: 1}
  template:
    spec:
      containers:
        - name: web
          image: nginx
          resources:
            requests:
              memory: 2G|i
`;

for (const locale of ['en', 'zh-CN'] as const) {
  describe(`manifest hover over LSP (${locale})`, () => {
    let client: LspClient;
    let n = 0;
    before(async () => {
      client = await LspClient.start({ locale, settings: {}, initializationOptions: { index: false } });
    });
    after(() => client.shutdown());

    async function hoverAt(source: string, cursor = 0): Promise<string> {
      const m = marked(source);
      const uri = `untitled:hover-${locale}-${++n}.yaml`;
      client.open(uri, m.text);
      const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: m.cursors[cursor] });
      return h ? (h.contents as MarkupContent).value : '';
    }

    test('percentages, advice and quantities in the UI language', async () => {
      const zh = locale === 'zh-CN';
      assert.match(await hoverAt(DEPLOY, 0), zh ? /4 个副本的 `25%` = \*\*1\*\* 个 Pod（向上取整）/ : /`25%` of 4 replicas = \*\*1\*\* pod\(s\) \(rounded up\)/);
      assert.match(await hoverAt(DEPLOY, 1), zh ? /零停机/ : /zero-downtime/);
      assert.match(await hoverAt(DEPLOY, 2), zh ? /2,147,483,648 字节/ : /2,147,483,648 bytes/);
    });

    test('CRLF, a multi-document file and flow style', async () => {
      const text = 'apiVersion: v1\r\nkind: Service\r\nmetadata: {name: s}\r\n---\r\napiVersion: apps/v1\r\nkind: Deployment\r\nspec:\r\n  strategy: {ty|pe: Recreate}\r\n';
      const md = await hoverAt(text);
      assert.match(md, /`Recreate`, `RollingUpdate`/);
      assert.match(md, /Type of deployment\./);
    });
  });
}
