import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitUntil } from './poll';

suite('diagnostics', () => {
  test('a workspace file gets the rule pack diagnostics with rule ids and docs links', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the fixture workspace folder is not open');
    const uri = vscode.Uri.joinPath(folder.uri, 'job-mistake.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'workload-studio');
    await waitUntil(() => ours().some((d) => codeOf(d) === 'pod-failure-policy-restart-policy'), 'the pod-failure-policy diagnostic', 30_000);
    const finding = ours().find((d) => codeOf(d) === 'pod-failure-policy-restart-policy')!;
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(finding.range.start.line, 15);
    const target = (finding.code as { target: vscode.Uri }).target.toString();
    assert.match(target, /docs\/rules\/pod-failure-policy-restart-policy\.md$/);
  });
});

function codeOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}
