import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ROLLOUT_KINDS } from '../kubectl/args';
import { CLUSTER_COMMANDS } from './commands';
import { documentResources } from './target';

/**
 * "Rollout: status · history · undo · restart" above each Deployment, StatefulSet and DaemonSet (the
 * resources and their ranges come from the language server). In Restricted Mode a single lens explains
 * why the commands are off and opens the trust editor.
 */
export class RolloutCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly client: () => LanguageClient | undefined, private readonly trusted: () => boolean) {}

  /** Asks VS Code to compute the lenses again (after a trust change or a restart of the server). */
  refresh(): void {
    this.changed.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const client = this.client();
    if (!client?.isRunning()) return [];
    const resources = await documentResources(client, document.uri);
    if (token.isCancellationRequested) return [];
    const lenses: vscode.CodeLens[] = [];
    for (const { resource, range } of resources) {
      if (resource.apiVersion !== 'apps/v1' || !Object.prototype.hasOwnProperty.call(ROLLOUT_KINDS, resource.kind)) continue;
      const at = new vscode.Position(range.start.line, range.start.character);
      const line = new vscode.Range(at, at);
      if (!this.trusted()) {
        lenses.push(new vscode.CodeLens(line, { title: vscode.l10n.t('Rollout commands are disabled in Restricted Mode'), command: 'workbench.trust.manage' }));
        continue;
      }
      const args = [document.uri, at];
      lenses.push(
        new vscode.CodeLens(line, { title: vscode.l10n.t('Rollout: status'), command: CLUSTER_COMMANDS.status, arguments: args }),
        new vscode.CodeLens(line, { title: vscode.l10n.t('history'), command: CLUSTER_COMMANDS.history, arguments: args }),
        new vscode.CodeLens(line, { title: vscode.l10n.t('undo'), command: CLUSTER_COMMANDS.undo, arguments: args }),
        new vscode.CodeLens(line, { title: vscode.l10n.t('restart'), command: CLUSTER_COMMANDS.restart, arguments: args }),
      );
    }
    return lenses;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
