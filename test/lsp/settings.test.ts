import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { yaml } from '../helpers/cursor';
import { LspClient } from '../helpers/lspClient';

const HELM = yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: web-config
    name: {{ .Values.x }}
    labels:
      app: {{ .Values.app }}
  data:
    {{- range $k, $v := .Values.data }}
    {{ $k }}: {{ $v | quote }}
    {{- end }}
    broken: [{{ .Values.y }}
`;

const outline = async (client: LspClient, uri: string) =>
  (await client.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } })).map((s) => s.name);

const codes = async (client: LspClient, uri: string) => (await client.diagnostics(uri)).map((d) => d.code);

const syntaxCodes = async (client: LspClient, uri: string) => (await codes(client, uri)).filter((c) => c === 'syntax' || c === 'duplicate-key');

describe('settings', () => {
  for (const pull of [true, false]) {
    test(`workspace/configuration supplies workloadStudio.templates, and didChangeConfiguration switches it (${pull ? 'pull' : 'push'} diagnostics)`, async () => {
      const client = await LspClient.start({ pullDiagnostics: pull, configuration: true, settings: { templates: 'ignore' } });
      try {
        const uri = `file:///virtual/settings/${pull}/templates/configmap.yaml`;
        client.open(uri, HELM);
        assert.deepEqual(await syntaxCodes(client, uri), []);
        assert.ok(
          client.configurationItems.some((i) => i.section === 'workloadStudio' && i.scopeUri === uri),
          `the server did not ask for workloadStudio settings of ${uri}: ${JSON.stringify(client.configurationItems)}`,
        );
        assert.deepEqual(await outline(client, uri), []);

        client.changeConfiguration({ templates: 'bestEffort' });
        assert.deepEqual(await syntaxCodes(client, uri), []);
        assert.deepEqual(await outline(client, uri), ['ConfigMap/web-config']);

        client.changeConfiguration({ templates: 'ignore' });
        assert.deepEqual(await syntaxCodes(client, uri), []);
        assert.deepEqual(await outline(client, uri), []);
      } finally {
        await client.shutdown();
      }
    });
  }

  test('without workspace/configuration the server uses initializationOptions.settings and pushed settings', async () => {
    const client = await LspClient.start({ configuration: false, initializationOptions: { settings: { templates: 'bestEffort' } } });
    try {
      const uri = 'file:///virtual/settings/pushed/configmap.yaml';
      client.open(uri, HELM);
      assert.deepEqual(await syntaxCodes(client, uri), []);
      assert.deepEqual(await outline(client, uri), ['ConfigMap/web-config']);
      assert.equal(client.configurationItems.length, 0);
      client.changeConfiguration({}, { workloadStudio: { templates: 'ignore' } });
      assert.deepEqual(await syntaxCodes(client, uri), []);
      assert.deepEqual(await outline(client, uri), []);
      client.changeConfiguration({}, { workloadStudio: { templates: 'bestEffort' } });
      assert.deepEqual(await outline(client, uri), ['ConfigMap/web-config']);
    } finally {
      await client.shutdown();
    }
  });

  test('a rule turned off in the settings disappears; an unknown template mode falls back to ignore', async () => {
    const client = await LspClient.start({ settings: { rules: { 'duplicate-key': 'off' }, templates: 'bestEffort' } });
    try {
      const dup = 'file:///virtual/settings/rules/dup.yaml';
      client.open(dup, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n');
      assert.deepEqual(await codes(client, dup), []);
      client.changeConfiguration({ rules: { 'duplicate-key': 'warning' }, templates: 'nonsense' });
      const found = await client.diagnostics(dup);
      assert.deepEqual(found.map((d) => [d.code, d.severity]), [['duplicate-key', 2]]);
      const helm = 'file:///virtual/settings/rules/helm.yaml';
      client.open(helm, HELM);
      assert.deepEqual(await syntaxCodes(client, helm), []);
    } finally {
      await client.shutdown();
    }
  });
});
