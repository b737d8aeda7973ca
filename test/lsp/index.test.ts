import assert from 'node:assert/strict';
import { mkdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileUri, LspClient } from '../helpers/lspClient';
import { writeWorkspace } from '../helpers/lspWorkspace';

interface Found {
  kind: string;
  name: string | null;
  namespace: string | null;
  uri: string;
  document: number;
}

interface IndexReady {
  files: number;
  resources: number;
  skipped: { uri: string; reason: string }[];
}

const deployment = (name: string, namespace: string | null, app: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}spec:\n  selector:\n    matchLabels:\n      app: ${app}\n  template:\n    metadata:\n      labels:\n        app: ${app}\n        tier: backend\n    spec:\n      containers:\n        - name: c\n          image: nginx\n`;

const FILES: Record<string, string> = {
  'apps/web.yaml': deployment('web', 'shop', 'web') + '---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    app: web\n',
  'apps/api.yml': deployment('api', null, 'api'),
  'staging/web.yaml': deployment('web', 'staging', 'web') + '---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web-pdb\n  namespace: staging\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app: web\n',
  'vendor/web.yaml': deployment('vendored', 'shop', 'web'),
  'big.yaml': deployment('big', 'shop', 'web') + `# ${'x'.repeat(4000)}\n`,
  'notes.txt': 'kind: Deployment\n',
};

const summary = (r: Found[]) => r.map((x) => `${x.kind}/${x.name}@${x.namespace ?? '-'}:${path.basename(path.dirname(new URL(x.uri).pathname))}/${x.document}`).sort();

describe('workspace index', () => {
  let root: string;
  let client: LspClient;
  const find = (params: unknown) => client.request<Found[]>('workloadStudio/findResources', params);
  const eventually = async (params: unknown, expected: string[], what: string) => {
    const deadline = Date.now() + 5_000;
    let last: string[] = [];
    while (Date.now() < deadline) {
      last = summary(await find(params));
      if (JSON.stringify(last) === JSON.stringify(expected)) return;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    assert.deepEqual(last, expected, `${what}: the index did not reach the expected state within 5 s`);
  };

  before(async () => {
    root = writeWorkspace('kws-index-', FILES);
    client = await LspClient.start({
      workspaceFolder: root,
      workDoneProgress: true,
      settings: { exclude: ['**/vendor/**'] },
      initializationOptions: { maxIndexFileSize: 2048 },
    });
  });
  after(async () => {
    await client?.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  test('indexReady reports the files read and the file over maxIndexFileSize', async () => {
    const ready = await client.waitFor(() => client.received<IndexReady>('workloadStudio/indexReady')[0], 10_000, 'workloadStudio/indexReady');
    assert.equal(ready.files, 4);
    assert.equal(ready.resources, 5);
    assert.deepEqual(ready.skipped.map((s) => s.uri), [fileUri(path.join(root, 'big.yaml'))]);
    assert.match(ready.skipped[0].reason, /2048/);
  });

  test('a $/progress begin and end were sent for the build, on a token the client created', () => {
    assert.ok(client.serverRequests.includes('window/workDoneProgress/create'));
    const progress = client.received<{ token: string | number; value: { kind: string } }>('$/progress');
    assert.equal(new Set(progress.map((p) => p.token)).size, 1);
    const kinds = progress.map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
  });

  test('findResources by kind, name and namespace', async () => {
    assert.deepEqual(summary(await find({ query: { kind: 'Deployment', name: 'web' } })), ['Deployment/web@shop:apps/0', 'Deployment/web@staging:staging/0']);
    assert.deepEqual(summary(await find({ query: { kind: 'Deployment', name: 'web', namespace: 'staging' } })), ['Deployment/web@staging:staging/0']);
    assert.deepEqual(summary(await find({ query: { kind: 'Deployment', namespace: 'default' } })), ['Deployment/api@-:apps/0']);
    assert.deepEqual(summary(await find({ query: { kind: 'PodDisruptionBudget' } })), ['PodDisruptionBudget/web-pdb@staging:staging/1']);
    assert.deepEqual(summary(await find({ query: { name: 'web', namespace: 'shop' } })), ['Deployment/web@shop:apps/0', 'Service/web@shop:apps/1']);
    assert.deepEqual(await find({ query: { name: 'vendored' } }), []);
    assert.deepEqual(await find({ query: { name: 'big' } }), []);
  });

  test('findResources by selector and namespace returns the pod owners it selects', async () => {
    assert.deepEqual(summary(await find({ selector: { selector: { matchLabels: { app: 'web' } }, namespace: 'shop' } })), ['Deployment/web@shop:apps/0']);
    assert.deepEqual(summary(await find({ selector: { selector: { matchLabels: { app: 'web', tier: 'backend' } }, namespace: 'staging' } })), ['Deployment/web@staging:staging/0']);
    assert.deepEqual(summary(await find({ selector: { selector: { matchLabels: { app: 'api' } }, namespace: 'default' } })), ['Deployment/api@-:apps/0']);
    assert.deepEqual(await find({ selector: { selector: { matchLabels: { app: 'api' } }, namespace: 'shop' } }), []);
  });

  test('editing an open document updates the index; closing it falls back to the disk', async () => {
    const uri = fileUri(path.join(root, 'apps/api.yml'));
    const text = FILES['apps/api.yml'];
    client.open(uri, text.replace('name: api', 'name: api-v2'));
    await eventually({ query: { kind: 'Deployment', namespace: 'default' } }, ['Deployment/api-v2@-:apps/0'], 'after didOpen');
    client.change(uri, [{ range: { start: { line: 3, character: 8 }, end: { line: 3, character: 14 } }, text: 'api-v3' }]);
    await eventually({ query: { kind: 'Deployment', namespace: 'default' } }, ['Deployment/api-v3@-:apps/0'], 'after didChange');
    client.close(uri);
    await eventually({ query: { kind: 'Deployment', namespace: 'default' } }, ['Deployment/api@-:apps/0'], 'after didClose');
  });

  test('didChangeWatchedFiles for a deleted and a created file updates the index', async () => {
    assert.ok(client.serverRequests.includes('client/registerCapability'));
    const staging = path.join(root, 'staging/web.yaml');
    unlinkSync(staging);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(staging), type: 3 }] });
    await eventually({ query: { namespace: 'staging' } }, [], 'after the delete');

    const created = path.join(root, 'new/db.yaml');
    mkdirSync(path.dirname(created), { recursive: true });
    writeFileSync(created, deployment('db', 'staging', 'db').replace('kind: Deployment', 'kind: StatefulSet'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(created), type: 1 }] });
    await eventually({ query: { namespace: 'staging' } }, ['StatefulSet/db@staging:new/0'], 'after the create');
    await eventually({ selector: { selector: { matchLabels: { app: 'db' } }, namespace: 'staging' } }, ['StatefulSet/db@staging:new/0'], 'selector after the create');
  });

  test('workloadStudio/reindex rebuilds from disk and answers the resource count', async () => {
    assert.equal(await client.request<number>('workloadStudio/reindex', null), 4);
    const ready = await client.waitFor(() => client.received<IndexReady>('workloadStudio/indexReady')[1], 10_000, 'a second indexReady');
    assert.equal(ready.resources, 4);
  });
});
