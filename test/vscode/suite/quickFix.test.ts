import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitUntil } from './poll';

suite('quick-fixes', () => {
  test('the podFailurePolicy finding offers "Set restartPolicy: Never", and applying it removes the finding', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the fixture workspace folder is not open');
    const original = vscode.Uri.joinPath(folder.uri, 'job-mistake.yaml');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(original));
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: text });
    await vscode.window.showTextDocument(document);
    const finding = () => vscode.languages.getDiagnostics(document.uri).find((d) => d.source === 'workload-studio' && String(typeof d.code === 'object' ? d.code.value : d.code) === 'pod-failure-policy-restart-policy');
    await waitUntil(() => !!finding(), 'the pod-failure-policy diagnostic', 30_000);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, finding()!.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    const fix = actions.find((a) => a.title.includes('restartPolicy: Never'));
    assert.ok(fix?.edit, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(document.getText(), /restartPolicy: Never/);
    assert.match(document.getText(), /^# The training deck's mistake/m, 'comments are kept');
    await waitUntil(() => !finding(), 'the finding to go away', 30_000);
    assert.ok(actions.some((a) => a.title.toLowerCase().includes('kws') || a.command?.command === 'workloadStudio.openRuleDocs'), 'disable and docs actions are offered too');
  });
});
