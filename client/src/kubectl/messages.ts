import * as vscode from 'vscode';
import { firstErrorLine, type KubectlFailure } from './errors';
import type { RecordedRun } from './console';
import { kubectlSettings } from './settings';

/** A failure explained: what happened and the next step, with the buttons that take it. */
export interface Explanation {
  message: string;
  actions: { title: string; run: () => unknown }[];
}

const openSetting = (key: string) => ({
  title: vscode.l10n.t('Open Settings'),
  run: () => vscode.commands.executeCommand('workbench.action.openSettings', key),
});

/** Explains a failed kubectl run; `subject` names what it acted on (such as `deployment.apps/web in shop`). */
export function explainFailure(run: RecordedRun, subject: string): Explanation {
  const detail = firstErrorLine(run.stderr);
  const failure: KubectlFailure = run.failure ?? 'failed';
  switch (failure) {
    case 'kubectlMissing':
      return {
        message: vscode.l10n.t('kubectl was not found ({0}). Install kubectl, or set workloadStudio.kubectl.path to its location.', kubectlSettings().executable),
        actions: [openSetting('workloadStudio.kubectl.path')],
      };
    case 'noContext':
      return {
        message: vscode.l10n.t('kubectl has no usable context: {0}. Choose one with `kubectl config use-context NAME`, or set workloadStudio.kubectl.context and workloadStudio.kubectl.kubeconfig.', detail),
        actions: [openSetting('workloadStudio.kubectl')],
      };
    case 'unauthorized':
      return { message: vscode.l10n.t('The cluster did not accept your credentials: {0}. Log in again (refresh the token of your kubeconfig) and retry.', detail), actions: [] };
    case 'forbidden':
      return { message: vscode.l10n.t('The cluster refused {0}: {1}. Ask for the RBAC permission (check it with `kubectl auth can-i`), or use another context.', subject, detail), actions: [] };
    case 'notFound':
      return { message: vscode.l10n.t('{0} was not found in the cluster: {1}. Apply the manifest first, or check the namespace and the context.', subject, detail), actions: [] };
    case 'unreachable':
      return { message: vscode.l10n.t('The cluster cannot be reached: {0}. Check the network, VPN or proxy and the server address of the context.', detail), actions: [] };
    case 'timeout':
      return {
        message: vscode.l10n.t('kubectl timed out on {0}. The cluster may be slow or unreachable; retry, or raise workloadStudio.kubectl.timeout.', subject),
        actions: [openSetting('workloadStudio.kubectl.timeout')],
      };
    default:
      return { message: vscode.l10n.t('kubectl failed on {0} (exit code {1}): {2}', subject, String(run.exitCode), detail || vscode.l10n.t('see the output')), actions: [] };
  }
}
