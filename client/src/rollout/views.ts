import * as vscode from 'vscode';
import type { HistoryEntry } from '../kubectl/parse';

/** The URI scheme of the read-only documents the commands open (history tables, diffs). */
export const VIEW_SCHEME = 'workload-studio-kubectl';

/** Serves the read-only documents the commands open, from memory. */
export class ResultViews implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** Opens (or refreshes) a read-only document named `name` with `text` in the given language. */
  async show(name: string, text: string, language: string): Promise<vscode.TextDocument> {
    const uri = vscode.Uri.from({ scheme: VIEW_SCHEME, path: `/${name}` });
    this.contents.set(uri.toString(), text);
    this.changed.fire(uri);
    const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), language);
    await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
    return document;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** A Markdown table of a rollout history: revision and change-cause, the current revision marked. */
export function historyTable(resource: string, context: string, namespace: string, entries: HistoryEntry[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
  const current = entries.length ? entries[entries.length - 1].revision : undefined;
  const rows = entries.map((e) => `| ${e.revision}${e.revision === current ? ` (${vscode.l10n.t('current')})` : ''} | ${cell(e.changeCause ?? vscode.l10n.t('(no change-cause)'))} |`);
  return [
    `# ${vscode.l10n.t('Rollout history of {0}', resource)}`,
    '',
    vscode.l10n.t('Context {0}, namespace {1}.', cell(context), cell(namespace)),
    '',
    `| ${vscode.l10n.t('Revision')} | ${vscode.l10n.t('Change-cause')} |`,
    '| ---: | --- |',
    ...rows,
    '',
  ].join('\n');
}
