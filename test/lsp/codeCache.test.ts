import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { CODE_CACHE_ENV } from '../../server/src/codeCache';
import type { WorkloadStudioProtocol as P } from '../../server/src/protocol';
import { LspClient } from '../helpers/lspClient';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: three
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          imagePullPolcy: Always
`;

async function startAndCheck(cacheDir: string): Promise<{ codes: unknown[]; codeCache: Record<string, string> }> {
  const client = await LspClient.start({ env: { [CODE_CACHE_ENV]: cacheDir } });
  try {
    const uri = 'file:///virtual/code-cache/deploy.yaml';
    client.open(uri, DEPLOYMENT);
    const codes = (await client.diagnostics(uri, 30_000)).map((d) => d.code).sort();
    const stats = await client.request<P.DebugStatsResult>('workloadStudio/debugStats', {});
    return { codes, codeCache: stats.codeCache };
  } finally {
    await client.shutdown();
  }
}

test('the server writes the code caches of its bundle and validators at exit and takes them on the next start', async () => {
  const cacheDir = path.join(mkdtempSync(path.join(tmpdir(), 'kws-lsp-code-cache-')), 'code-cache');
  const first = await startAndCheck(cacheDir);
  assert.equal(first.codeCache['serverMain.js'], 'miss');
  assert.equal(first.codeCache['pod-templates.js'], 'miss');
  assert.ok(first.codes.includes('schema/type'), `schema findings expected, got ${first.codes.join(', ')}`);
  const written = readdirSync(cacheDir);
  assert.ok(written.some((f) => f.startsWith('serverMain.js.')), written.join(', '));
  assert.ok(written.some((f) => f.startsWith('pod-templates.js.')), written.join(', '));
  const second = await startAndCheck(cacheDir);
  assert.equal(second.codeCache['serverMain.js'], 'hit');
  assert.equal(second.codeCache['pod-templates.js'], 'hit');
  assert.deepEqual(second.codes, first.codes);
});

test('without the cache folder setting the server loads its modules without a code cache', async () => {
  const client = await LspClient.start({ env: { [CODE_CACHE_ENV]: '' } });
  try {
    const stats = await client.request<P.DebugStatsResult>('workloadStudio/debugStats', {});
    assert.deepEqual(stats.codeCache, {});
  } finally {
    await client.shutdown();
  }
});
