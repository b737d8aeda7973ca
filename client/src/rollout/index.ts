import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { onDidChangeClusterVersion } from '../kubectl/cluster';
import { KubectlConsole } from '../kubectl/console';
import { KubectlStatusBar, REFRESH_STATUS_COMMAND } from '../statusBar';
import { RolloutCodeLensProvider } from './codeLens';
import { registerClusterCommands } from './commands';
import { defaultUi, type RolloutUi } from './ui';
import { ResultViews, VIEW_SCHEME } from './views';

/** What the cluster features expose to the extension's tests. */
export interface ClusterFeaturesApi {
  /** The kubectl runs of the commands, their transcript, and cancellation of what is running. */
  console: KubectlConsole;
  /** Replaces dialogs (confirmation, input box, quick pick, notifications); `{}` restores the real ones. */
  setUi(overrides: Partial<RolloutUi>): void;
  /** Makes the commands behave as in Restricted Mode although the workspace is trusted. */
  simulateRestrictedMode(on: boolean): void;
  statusBar: KubectlStatusBar;
  /** Refreshes the rollout CodeLenses whenever the language client (created after activation) starts running. */
  watchClient(client: LanguageClient): vscode.Disposable;
}

/**
 * Registers the cluster features: the rollout, scale, diff and dry-run apply commands, the rollout
 * CodeLens, the kubectl status bar item, and the `maxVersion: "cluster"` resolution (the server is
 * told to read its settings again when the cluster's version becomes known).
 */
export function registerClusterFeatures(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): ClusterFeaturesApi {
  let ui: RolloutUi = defaultUi;
  let simulateRestricted = false;
  const trusted = () => vscode.workspace.isTrusted && !simulateRestricted;
  const kubectl = new KubectlConsole();
  const views = new ResultViews();
  const lenses = new RolloutCodeLensProvider(client, trusted);
  const statusBar = new KubectlStatusBar(trusted);
  const onTrustChange = () => {
    lenses.refresh();
    void statusBar.refresh();
  };
  const yaml = [{ scheme: 'file', language: 'yaml' }, { scheme: 'untitled', language: 'yaml' }];
  context.subscriptions.push(
    kubectl, views, lenses, statusBar,
    vscode.workspace.registerTextDocumentContentProvider(VIEW_SCHEME, views),
    vscode.languages.registerCodeLensProvider(yaml, lenses),
    ...registerClusterCommands({ client, console: kubectl, ui: () => ui, trusted }, views),
    vscode.commands.registerCommand(REFRESH_STATUS_COMMAND, () => statusBar.refresh()),
    vscode.workspace.onDidGrantWorkspaceTrust(onTrustChange),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('workloadStudio.kubectl') || e.affectsConfiguration('workloadStudio.kubernetes')) void statusBar.refresh();
    }),
    onDidChangeClusterVersion(() => void client()?.sendNotification('workspace/didChangeConfiguration', { settings: null })),
  );
  void statusBar.refresh();
  return {
    watchClient: (c) =>
      c.onDidChangeState(() => {
        if (c.isRunning()) lenses.refresh();
      }),
    console: kubectl,
    setUi: (overrides) => (ui = { ...defaultUi, ...overrides }),
    simulateRestrictedMode: (on) => {
      simulateRestricted = on;
      onTrustChange();
    },
    statusBar,
  };
}
