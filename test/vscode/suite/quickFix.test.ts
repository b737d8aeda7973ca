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

  test('"Add a livenessProbe" arrives as a snippet edit and VS Code inserts the probe with its placeholders filled in', async () => {
    const content = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  replicas: 2',
      '  selector:',
      '    matchLabels: {app: web}',
      '  template:',
      '    metadata:',
      '      labels: {app: web}',
      '    spec:',
      '      containers:',
      '        - name: web # the only container',
      '          image: nginx:1.27',
      '          ports:',
      '            - name: http',
      '              containerPort: 8080',
      '',
    ].join('\n');
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content });
    await vscode.window.showTextDocument(document);
    const finding = () => vscode.languages.getDiagnostics(document.uri).find((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'liveness-probe-missing');
    await waitUntil(() => !!finding(), 'the liveness-probe-missing diagnostic', 30_000);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, finding()!.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    const fix = actions.find((a) => /livenessProbe/.test(a.title));
    assert.ok(fix?.edit, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const text = document.getText();
    assert.match(text, /^ {10}livenessProbe:\n {12}httpGet:\n {14}path: \/healthz\n {14}port: http$/m);
    assert.doesNotMatch(text, /\$\{\d/, 'no snippet syntax is left in the text');
    assert.match(text, /# the only container/);
    await waitUntil(() => !finding(), 'the finding to go away', 30_000);
  });
});
