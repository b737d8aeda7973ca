import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { marked, yaml } from '../helpers/cursor';
import { LspClient } from '../helpers/lspClient';

interface ResourceAtResult {
  resource: { apiVersion: string; kind: string; name: string | null; namespace: string | null };
  document: number;
  path: (string | number)[];
}

const FILE = marked(yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: we|b
    namespace: shop
  spec:
    replicas: |2
  ---
  # only a comment
  ---
  apiVersion: v1
  kind: List
  items:
    - apiVersion: v1
      kind: Service
      metadata:
        name: |web
    - apiVersion: v1
      kind: ConfigMap
      metadata:
        name: cfg
        namespace: shop
      data:
        k: |v
`);

const BETWEEN = marked('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n-|--\n# comm|ent only\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n');

const names = (symbols: DocumentSymbol[]) => symbols.map((s) => s.name);
const child = (s: DocumentSymbol, name: string) => {
  const c = s.children?.find((x) => x.name === name);
  assert.ok(c, `${s.name} has no child ${name}; children: ${names(s.children ?? []).join(', ')}`);
  return c;
};

describe('document symbols and resourceAt', () => {
  let client: LspClient;
  const uri = 'file:///virtual/outline/multi.yaml';
  before(async () => {
    client = await LspClient.start();
    client.open(uri, FILE.text);
  });
  after(() => client.shutdown());

  test('the outline names each document Kind/name (namespace) with its keys beneath', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(names(symbols), ['Deployment/web (shop)', 'List/?']);
    const [deployment, list] = symbols;
    assert.equal(deployment.detail, 'apps/v1');
    assert.deepEqual(names(deployment.children!), ['apiVersion', 'kind', 'metadata', 'spec']);
    assert.deepEqual(names(child(deployment, 'metadata').children!), ['name', 'namespace']);
    assert.equal(child(child(deployment, 'spec'), 'replicas').detail, '2');
    assert.deepEqual(deployment.range.start, { line: 0, character: 0 });
    assert.equal(list.range.start.line, 10);
  });

  test('kind: List items appear as their resources', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const items = child(symbols[1], 'items');
    assert.deepEqual(names(items.children!), ['Service/web', 'ConfigMap/cfg (shop)']);
    assert.deepEqual(items.children!.map((c) => c.range.start), [{ line: 13, character: 4 }, { line: 17, character: 4 }]);
    assert.deepEqual(names(child(items.children![1], 'data').children!), ['k']);
  });

  test('resourceAt names the resource and path under each cursor', async () => {
    const at = (i: number) => client.request<ResourceAtResult | null>('workloadStudio/resourceAt', { textDocument: { uri }, position: FILE.cursors[i] });
    const got = await Promise.all(FILE.cursors.map((_, i) => at(i)));
    assert.deepEqual(
      got.map((r) => r && { kind: r.resource.kind, name: r.resource.name, namespace: r.resource.namespace, document: r.document, path: r.path }),
      [
        { kind: 'Deployment', name: 'web', namespace: 'shop', document: 0, path: ['metadata', 'name'] },
        { kind: 'Deployment', name: 'web', namespace: 'shop', document: 0, path: ['spec', 'replicas'] },
        { kind: 'Service', name: 'web', namespace: null, document: 1, path: ['metadata', 'name'] },
        { kind: 'ConfigMap', name: 'cfg', namespace: 'shop', document: 1, path: ['data', 'k'] },
      ],
    );
  });

  test('resourceAt is null in a comment-only document and for a document that is not open', async () => {
    const u = 'file:///virtual/outline/between.yaml';
    client.open(u, BETWEEN.text);
    assert.equal(await client.request('workloadStudio/resourceAt', { textDocument: { uri: u }, position: BETWEEN.cursors[1] }), null);
    client.open('file:///virtual/outline/comments.yaml', '# nothing\n# here\n');
    assert.equal(await client.request('workloadStudio/resourceAt', { textDocument: { uri: 'file:///virtual/outline/comments.yaml' }, position: { line: 1, character: 2 } }), null);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///virtual/outline/comments.yaml' } }), []);
    assert.equal(await client.request('workloadStudio/resourceAt', { textDocument: { uri: 'file:///virtual/outline/never-opened.yaml' }, position: { line: 0, character: 0 } }), null);
  });

  test('resourceAt is null on the --- line that opens a comment-only document', async () => {
    const u = 'file:///virtual/outline/between.yaml';
    assert.equal(await client.request('workloadStudio/resourceAt', { textDocument: { uri: u }, position: BETWEEN.cursors[0] }), null);
  });
});
