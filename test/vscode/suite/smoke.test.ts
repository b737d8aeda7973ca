import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitUntil } from './poll';

const EXTENSION_ID = 'workload-studio.workload-studio';

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
});
