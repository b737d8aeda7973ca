import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { CODE_CACHE_ENV } from '../../server/src/codeCache';
import type { WorkloadStudioProtocol as P } from '../../server/src/protocol';
import { BACKUP_CRD } from '../helpers/crd';
import { marked } from '../helpers/cursor';
import { LspClient } from '../helpers/lspClient';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: three
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - {name: web, image: nginx:1.27}
`;

const CRONJOB = `apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  schedule: "0 3 * * |*"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
            - {name: report, image: busybox:1.36}
`;

const CUSTOM = `${BACKUP_CRD}
---
apiVersion: example.com/v1
kind: Backup
metadata: {name: nightly}
spec: {schedule: '@daily', keep: many}
`;

test('the server loads ajv and cron-parser from their own bundles, and only once a file needs them', async () => {
  const cacheDir = path.join(mkdtempSync(path.join(tmpdir(), 'kws-lsp-vendor-')), 'code-cache');
  const client = await LspClient.start({ env: { [CODE_CACHE_ENV]: cacheDir }, initializationOptions: { index: false } });
  const loaded = async () => (await client.request<P.DebugStatsResult>('workloadStudio/debugStats', {})).codeCache;
  try {
    client.open('file:///virtual/vendor/deploy.yaml', DEPLOYMENT);
    const deployment = (await client.diagnostics('file:///virtual/vendor/deploy.yaml', 30_000)).map((d) => d.code);
    assert.ok(deployment.includes('schema/type'), deployment.join(', '));
    assert.deepEqual(Object.keys(await loaded()).sort(), ['pod-templates.js', 'serverMain.js']);

    const cron = marked(CRONJOB);
    client.open('file:///virtual/vendor/cron.yaml', cron.text);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: 'file:///virtual/vendor/cron.yaml' }, position: cron.cursors[0] });
    assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /Next runs \(UTC\): /);
    const afterHover = await loaded();
    assert.equal(afterHover['cron-parser.js'], 'miss');
    assert.equal(afterHover['ajv.js'], undefined);

    client.open('file:///virtual/vendor/backup.yaml', CUSTOM);
    const custom = await client.diagnostics('file:///virtual/vendor/backup.yaml', 30_000);
    const keep = CUSTOM.split('\n').findIndex((line) => line.includes('keep: many'));
    assert.ok(custom.some((d) => d.code === 'schema/type' && d.range.start.line === keep), JSON.stringify(custom.map((d) => [d.code, d.range.start.line])));
    assert.equal((await loaded())['ajv.js'], 'miss');
  } finally {
    await client.shutdown();
  }
});
