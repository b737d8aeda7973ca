import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { OpenModels } from '../../server/src/lsp/openModels';
import type { YamlFile } from '../../server/src/model/yamlFile';
import type { ModelCache } from '../../server/src/service/modelCache';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/service/settings';

test('asks for the settings of every edited document at once before parsing them', async () => {
  const docs = new Map(['a', 'b', 'c'].map((name) => [`file:///${name}.yaml`, TextDocument.create(`file:///${name}.yaml`, 'yaml', 1, 'kind: Pod\n')]));
  const asked = new Set<string>();
  const answers = new Map<string, () => void>();
  const pending = new Map<string, Promise<Settings>>();
  const published: string[] = [];
  const files = new Map([...docs.keys()].map((uri) => [uri, { uri } as unknown as YamlFile]));
  const open = new OpenModels({
    documents: { get: (uri: string) => docs.get(uri) } as unknown as TextDocuments<TextDocument>,
    models: { get: (uri: string) => files.get(uri) } as unknown as ModelCache,
    settings: (uri) => {
      asked.add(uri);
      let p = pending.get(uri);
      if (!p) pending.set(uri, (p = new Promise<Settings>((resolve) => answers.set(uri, () => resolve(DEFAULT_SETTINGS)))));
      return p;
    },
    publish: (uri) => published.push(uri),
    delayMs: 0,
  });
  for (const uri of docs.keys()) open.changed(uri);
  const result = open.model(docs.get('file:///a.yaml')!);
  await Promise.resolve();
  assert.deepEqual([...asked].sort(), [...docs.keys()]);
  assert.deepEqual(published, []);
  for (const answer of answers.values()) answer();
  const { settings } = await result;
  assert.equal(settings, DEFAULT_SETTINGS);
  assert.deepEqual(published, [...docs.keys()]);
});
