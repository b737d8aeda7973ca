import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitUntil } from './poll';

const EXTENSION_ID = 'workload-studio.workload-studio';

/** The part of the extension's exported API (`client/src/extension.ts`) this suite uses. */
interface ClientApi {
  ready(): Promise<{ isRunning(): boolean; sendRequest<R>(method: string, params: unknown): Promise<R> }>;
}

function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace folder is not open');
  return vscode.Uri.joinPath(folder.uri, name);
}

suite('smoke', () => {
  test('vscode.version is a real version string', () => {
    assert.match(vscode.version, /^\d+\.\d+\.\d+(-[\w.]+)?$/);
  });

  test('the extension activates without error when a YAML file opens', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);

    const document = await vscode.workspace.openTextDocument(fixtureUri('deployment.yaml'));
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'yaml');

    await waitUntil(() => extension.isActive, `${EXTENSION_ID} to activate`, 20_000);
    await extension.activate();
  });

  test('the server is started with a code cache folder and loads itself through it', async () => {
    const extension = vscode.extensions.getExtension<ClientApi>(EXTENSION_ID);
    assert.ok(extension);
    const client = await (await extension.activate()).ready();
    await waitUntil(() => client.isRunning(), 'the language client to run', 20_000);
    const stats = await client.sendRequest<{ codeCache: Record<string, string> }>('workloadStudio/debugStats', {});
    assert.ok(['miss', 'hit'].includes(stats.codeCache['serverMain.js']), JSON.stringify(stats.codeCache));
  });
});
