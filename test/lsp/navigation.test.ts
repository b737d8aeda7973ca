import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CLI_JS } from '../helpers/paths';
import { fileUri, LspClient } from '../helpers/lspClient';
import { writeWorkspace } from '../helpers/lspWorkspace';

const FILES: Record<string, string> = {
  'shop/api.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  replicas: 3
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
          image: registry.example.com/api:1.0.0
`,
  'shop/hpa.yaml': `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api, namespace: shop}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  minReplicas: 3
  maxReplicas: 50
`,
  'shop/service.yaml': `apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec:
  selector: {app: api}
  ports: [{port: 80, targetPort: 8080}]
`,
};

describe('cross-document navigation and related information over LSP', () => {
  let root: string;
  let client: LspClient;
  const uri = (rel: string) => fileUri(path.join(root, rel));

  before(async () => {
    root = writeWorkspace('kws-nav-', FILES);
    client = await LspClient.start({ workspaceFolder: root, settings: {} });
    await client.waitFor(() => client.received('workloadStudio/indexReady')[0], 30_000, 'indexReady');
  });

  after(() => client.shutdown());

  test('go to definition from scaleTargetRef lands on the Deployment', async () => {
    client.open(uri('shop/hpa.yaml'), FILES['shop/hpa.yaml']);
    const result = await client.request<{ targetUri: string; targetSelectionRange: { start: { line: number } } }[]>('textDocument/definition', {
      textDocument: { uri: uri('shop/hpa.yaml') },
      position: { line: 4, character: 70 },
    });
    assert.deepEqual(result.map((r) => [r.targetUri, r.targetSelectionRange.start.line]), [[uri('shop/api.yaml'), 1]]);
  });

  test('find references from the Deployment lists the HPA and the Service', async () => {
    client.open(uri('shop/api.yaml'), FILES['shop/api.yaml']);
    const refs = await client.request<{ uri: string }[]>('textDocument/references', {
      textDocument: { uri: uri('shop/api.yaml') },
      position: { line: 2, character: 18 },
      context: { includeDeclaration: false },
    });
    assert.deepEqual(refs.map((r) => path.basename(r.uri)).sort(), ['hpa.yaml', 'service.yaml']);
  });

  test('pdb-missing carries related information pointing at the autoscaler', async () => {
    const diagnostics = await client.diagnostics(uri('shop/api.yaml'));
    const pdb = diagnostics.find((d) => d.code === 'pdb-missing');
    assert.ok(pdb, JSON.stringify(diagnostics.map((d) => d.code)));
    assert.deepEqual(pdb.relatedInformation?.map((r) => path.basename(r.location.uri)), ['hpa.yaml']);
  });

  test('the coverage lens says what covers the Deployment', async () => {
    const lenses = await client.request<{ command?: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri: uri('shop/api.yaml') } });
    assert.deepEqual(lenses.map((l) => l.command?.title), ['Service api · HPA api 3–50']);
  });

  test('the CLI gives the same cross-document findings for the directory as the editor', async () => {
    const editor = (await client.diagnostics(uri('shop/api.yaml'))).filter((d) => d.code === 'pdb-missing').map((d) => [d.message, d.range.start.line]);
    const run = spawnSync(process.execPath, [CLI_JS, 'check', '--format', 'json', root], { encoding: 'utf8' });
    const report = JSON.parse(run.stdout) as { files: { path: string; findings: { ruleId: string; message: string; range: { start: { line: number } } }[] }[] };
    const file = report.files.find((f) => f.path.endsWith(path.join('shop', 'api.yaml')))!;
    assert.deepEqual(file.findings.filter((f) => f.ruleId === 'pdb-missing').map((f) => [f.message, f.range.start.line]), editor);
    assert.ok(readFileSync(path.join(root, 'shop/api.yaml'), 'utf8').includes('replicas: 3'));
  });
});
