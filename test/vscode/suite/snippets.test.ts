import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitUntil } from './poll';

const EXTENSION_ID = 'workload-studio.workload-studio';
const COMMAND = 'workloadStudio.insertTemplate';

/** The part of the extension's exported API these tests use. */
interface WorkloadStudioApi {
  resourceAt(uri: vscode.Uri, position: vscode.Position): Promise<unknown>;
}

async function yamlEditor(content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content });
  return vscode.window.showTextDocument(document);
}

function cursorAt(editor: vscode.TextEditor, line: number, character: number): void {
  const position = new vscode.Position(line, character);
  editor.selection = new vscode.Selection(position, position);
}

suite('production templates', () => {
  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
    await yamlEditor('');
    await extension.activate();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the kws-deployment snippet inserts by name through editor.action.insertSnippet', async () => {
    const editor = await yamlEditor('');
    const name = 'Deployment (zero-downtime, production)';
    await waitUntil(async () => {
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'yaml', name });
      return editor.document.getText() !== '';
    }, `the snippet "${name}" to be loaded and inserted`);
    const text = editor.document.getText();
    assert.match(text, /^apiVersion: apps\/v1\nkind: Deployment\nmetadata:\n {2}name: web\n {2}namespace: production\n/);
    assert.match(text, /\n {10}image: registry\.example\.com\/web:1\.0\.0\n/);
    assert.match(text, /\n {6}maxUnavailable: 0\n/);
    assert.doesNotMatch(text, /\$\{?\d/, 'every tab stop was expanded');
    assert.equal(editor.document.getText(editor.selection), 'web', 'the first tab stop (the name) is selected');
  });

  test('the command is in the palette for YAML and inserts a template given its prefix', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes(COMMAND));
    const editor = await yamlEditor('');
    assert.equal(await vscode.commands.executeCommand(COMMAND, 'kws-pdb-max-unavailable'), true);
    assert.equal(
      editor.document.getText(),
      'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: worker\n  namespace: production\nspec:\n'
        + '  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: worker\n',
    );
    assert.equal(editor.document.getText(editor.selection), 'worker');
  });

  test('a template inserted between documents gets a --- separator and keeps both neighbours intact', async () => {
    const before = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n';
    const after = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n';
    const editor = await yamlEditor(`${before}\n---\n${after}`);
    cursorAt(editor, 4, 0);
    assert.equal(await vscode.commands.executeCommand(COMMAND, 'kws-namespace'), true);
    const text = editor.document.getText();
    assert.ok(text.startsWith(`${before}---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: production\n`), text);
    assert.ok(text.endsWith(`\n---\n${after}`), text);
    assert.equal(text.match(/^---$/gm)?.length, 2, 'one new separator, the old one kept');
    assert.match(text, /pod-security\.kubernetes\.io\/enforce: restricted\n/);
  });

  test('a template asked for inside a document goes after that document, as the server delimits it', async () => {
    const existing = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  key: value';
    const editor = await yamlEditor(existing);
    cursorAt(editor, 1, 4);
    const api = vscode.extensions.getExtension<WorkloadStudioApi>(EXTENSION_ID)!.exports;
    await waitUntil(async () => (await api.resourceAt(editor.document.uri, editor.selection.active)) !== null, 'the server to know the document');
    assert.equal(await vscode.commands.executeCommand(COMMAND, 'kws-priorityclass'), true);
    const text = editor.document.getText();
    assert.ok(text.startsWith(`${existing}\n---\napiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: business-critical\n`), text);
    assert.equal(text.match(/^---$/gm)?.length, 2, 'one separator before the new document and the one between the two classes');
  });

  test('an unknown prefix inserts nothing', async () => {
    const editor = await yamlEditor('');
    assert.equal(await vscode.commands.executeCommand(COMMAND, 'kws-no-such-template'), false);
    assert.equal(editor.document.getText(), '');
  });

  test('the quick pick offers the templates and inserts the accepted one', async () => {
    const editor = await yamlEditor('');
    const inserted = vscode.commands.executeCommand<boolean>(COMMAND);
    await waitUntil(async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return editor.document.getText() !== '';
    }, 'the quick pick to open and accept its first template');
    assert.equal(await inserted, true);
    assert.match(editor.document.getText(), /^apiVersion: apps\/v1\nkind: Deployment\n/, 'the first template of the first group');
  });
});
