import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitUntil } from './poll';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  strategy:
    rollingUpdate:
      maxUnavailable: 0
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: registry.example.com/web:1.0.0
          
`;

suite('completion and hover', () => {
  test('a completion offers container fields, and a hover explains maxUnavailable', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: DEPLOYMENT });
    await vscode.window.showTextDocument(document);
    const inContainer = new vscode.Position(17, 10);
    let labels: string[] = [];
    await waitUntil(async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, inContainer);
      labels = (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      return labels.includes('livenessProbe');
    }, 'livenessProbe among the completions', 30_000);
    assert.ok(labels.includes('resources'), labels.join(', '));
    assert.ok(!labels.includes('image'), 'keys already present are not offered');

    const onMaxUnavailable = new vscode.Position(7, 8);
    let text = '';
    await waitUntil(async () => {
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, onMaxUnavailable)) ?? [];
      text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return /maxUnavailable/.test(text);
    }, 'a hover on maxUnavailable', 30_000);
    assert.match(text, /int-or-string|integer|string/i);
  });
});
