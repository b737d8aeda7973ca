import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { test } from 'node:test';
import { ResponseError } from 'vscode-jsonrpc';
import type { DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { CancellationTokenSource, LspClient } from '../helpers/lspClient';

const CANCELLED_CODES = [-32800, -32802];

function largeFile(documents: number): string {
  const parts: string[] = [];
  for (let i = 0; i < documents; i++) {
    parts.push(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\n  namespace: ns-${i % 7}\n  labels:\n    app: a${i}\ndata:\n  key: "value ${i}"\n  other: |\n    line one\n    line two\n`);
  }
  parts.push('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: last\n  name: again\n');
  return parts.join('---\n');
}

test('a $/cancelRequest right after a pull diagnostic request on a large document is answered', async () => {
  const client = await LspClient.start();
  try {
    const uri = 'file:///virtual/lifecycle/large.yaml';
    client.open(uri, largeFile(450));
    const source = new CancellationTokenSource();
    const answer = client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } }, 30_000, source.token);
    source.cancel();
    const outcome = await answer.then(
      (report) => ({ report }),
      (error: unknown) => ({ error }),
    );
    if ('error' in outcome) {
      assert.ok(outcome.error instanceof ResponseError, `expected a ResponseError, got ${String(outcome.error)}`);
      assert.ok(CANCELLED_CODES.includes(outcome.error.code), `unexpected error code ${outcome.error.code}`);
    } else {
      assert.equal(outcome.report.kind, 'full');
    }
    const after = await client.diagnostics(uri, 30_000);
    assert.deepEqual(after.map((d) => d.code), ['duplicate-key']);
    assert.equal(after[0].range.start.line, 450 * 13 + 4);
    assert.ok(client.alive);
  } finally {
    await client.shutdown();
  }
});

test('a server with no workspace folders still answers, sends no progress it was not allowed to, and exits cleanly', async () => {
  const client = await LspClient.start({ cwd: tmpdir(), workDoneProgress: false });
  try {
    const ready = await client.waitFor(() => client.received<{ files: number }>('workloadStudio/indexReady')[0], 10_000, 'indexReady');
    assert.equal(ready.files, 0);
    assert.equal(client.initializeResult.serverInfo?.name, 'workload-studio');
    assert.equal(client.initializeResult.capabilities.textDocumentSync && typeof client.initializeResult.capabilities.textDocumentSync === 'object' ? client.initializeResult.capabilities.textDocumentSync.change : undefined, 2);
    const uri = 'untitled:Untitled-1';
    client.open(uri, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  name: t\n');
    assert.deepEqual((await client.diagnostics(uri)).map((d) => d.code), ['duplicate-key']);
    assert.deepEqual(await client.request('workloadStudio/findResources', { query: { kind: 'Deployment' } }), []);
    const services = await client.request<{ name: string; uri: string }[]>('workloadStudio/findResources', { query: { kind: 'Service' } });
    assert.deepEqual(services.map((r) => [r.name, r.uri]), [['s', uri]]);
    assert.equal(await client.request('workloadStudio/reindex', null), 1);
    assert.equal(client.received('$/progress').length, 0);
    assert.ok(!client.serverRequests.includes('window/workDoneProgress/create'));
  } finally {
    await client.shutdown();
  }
  assert.equal(client.exitStatus, 0);
  assert.doesNotMatch(client.stderr, /Error|Uncaught|Unhandled/);
});
