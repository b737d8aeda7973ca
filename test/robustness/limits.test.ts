import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { parseKwsConfig, settingsWithConfig } from '../../server/src/config/kwsConfig';
import { DEFAULT_LIMITS, normalizeLimits } from '../../server/src/model/limits';
import { parseYamlFile } from '../../server/src/model/yamlFile';
import { explicitSettings, normalizeSettings } from '../../server/src/service/settings';
import { LspClient } from '../helpers/lspClient';
import { REPO_ROOT } from '../helpers/paths';
import { deployment, manyDocuments } from './inputs';

test('limits: defaults, valid positive integers only, and .kws.yaml under the editor setting key by key', () => {
  assert.deepEqual(normalizeSettings({}, 'en').limits, DEFAULT_LIMITS);
  assert.deepEqual(normalizeLimits({ maxFileSize: 10, maxLines: -1, maxResources: 1.5 }), { ...DEFAULT_LIMITS, maxFileSize: 10 });
  const config = parseKwsConfig('limits:\n  maxFileSize: 100\n  maxResources: 7\n', 'en');
  assert.deepEqual(config.findings, []);
  const s = settingsWithConfig(config.value, 'en', explicitSettings({ limits: { maxResources: 9 } }));
  assert.deepEqual(s.limits, { maxFileSize: 100, maxLines: DEFAULT_LIMITS.maxLines, maxResources: 9 });
  const bad = parseKwsConfig('limits:\n  maxFileSize: big\n  maxDocs: 1\n', 'en');
  assert.equal(bad.findings.filter((f) => f.ruleId === 'config-invalid').length, 2);
});

test('a file under every limit parses as before; the line limit counts lines', () => {
  const text = deployment(1);
  assert.equal(parseYamlFile(text, { templates: 'ignore', limits: DEFAULT_LIMITS }).limited, undefined);
  const lines = parseYamlFile(text, { templates: 'ignore', limits: { ...DEFAULT_LIMITS, maxLines: 5 } });
  assert.deepEqual(lines.limited, { limit: 'maxLines', actual: text.split('\n').length, max: 5, line: 0 });
  const bytes = parseYamlFile(`# ${'é'.repeat(60)}\n${text}`, { templates: 'ignore', limits: { ...DEFAULT_LIMITS, maxFileSize: text.length + 70 } });
  assert.equal(bytes.limited?.limit, 'maxFileSize', 'the size is counted in UTF-8 bytes');
});

test('the language server applies workloadStudio.limits from the editor settings', async () => {
  const client = await LspClient.start({ settings: { limits: { maxResources: 2 } } });
  try {
    const uri = 'file:///virtual/limits/many.yaml';
    client.open(uri, manyDocuments(4));
    const diagnostics = await client.diagnostics(uri);
    const limit = diagnostics.find((d) => d.code === 'limits/file-too-large');
    assert.ok(limit, JSON.stringify(diagnostics.map((d) => d.code)));
    assert.equal(limit.severity, 3);
    assert.equal(limit.range.start.line, 4);
    assert.match(String(limit.message), /first 2 resources/);
  } finally {
    await client.shutdown();
  }
});

test('an open file over the limits keeps what the workspace index read from it for the other files', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kws-limits-'));
  cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'workspaces', 'configmap-missing', 'clean', 'defined'), dir, { recursive: true });
  const config = path.join(dir, 'config.yaml');
  writeFileSync(config, `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: first}\n---\n${readFileSync(config, 'utf8')}`);
  const client = await LspClient.start({ workspaceFolder: dir, settings: { limits: { maxResources: 1 } } });
  try {
    await client.waitFor(() => client.received('workloadStudio/indexReady')[0], 10_000, 'indexReady');
    const configUri = pathToFileURL(config).href;
    client.open(configUri, readFileSync(config, 'utf8'));
    assert.ok((await client.diagnostics(configUri)).some((d) => d.code === 'limits/file-too-large'));
    const api = path.join(dir, 'api.yaml');
    const apiUri = pathToFileURL(api).href;
    client.open(apiUri, readFileSync(api, 'utf8'));
    const codes = (await client.diagnostics(apiUri)).map((d) => d.code);
    assert.ok(!codes.includes('configmap-missing'), codes.join());
  } finally {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  }
});
