import * as vscode from 'vscode';
import type { HistoryEntry } from '../kubectl/parse';

/** What a mutating command asks the user to confirm. */
export interface ConfirmRequest {
  /** The kubectl subcommand, such as `restart` or `apply`. */
  action: string;
  /** The resources it acts on, as `kind.group/name` or `Kind/name`. */
  resources: string[];
  context: string;
  namespace: string;
  /** True when the context name matches `workloadStudio.kubectl.productionContextPattern`. */
  production: boolean;
  message: string;
  detail: string;
  /** The label of the button that confirms. */
  confirmLabel: string;
}

/** The dialogs the commands use; tests replace them through the extension's test API. */
export interface RolloutUi {
  confirm(request: ConfirmRequest): Promise<boolean>;
  askReplicas(resource: string): Promise<number | undefined>;
  pickRevision(resource: string, entries: HistoryEntry[]): Promise<number | undefined>;
  showError(message: string, actions: { title: string; run: () => unknown }[]): void;
  showInfo(message: string): void;
}

/** The real dialogs: a modal confirmation, an input box, a quick pick and notifications. */
export const defaultUi: RolloutUi = {
  async confirm(request) {
    const answer = await vscode.window.showWarningMessage(request.message, { modal: true, detail: request.detail }, request.confirmLabel);
    return answer === request.confirmLabel;
  },
  async askReplicas(resource) {
    const value = await vscode.window.showInputBox({
      title: vscode.l10n.t('Scale {0}', resource),
      prompt: vscode.l10n.t('Number of replicas'),
      validateInput: (text) => (/^\d{1,6}$/.test(text.trim()) && Number(text) <= 100_000 ? undefined : vscode.l10n.t('Enter a whole number from 0 to 100000.')),
    });
    return value === undefined ? undefined : Number(value.trim());
  },
  async pickRevision(resource, entries) {
    const items = entries.map((e) => ({
      label: vscode.l10n.t('Revision {0}', e.revision),
      description: e.changeCause ?? vscode.l10n.t('(no change-cause)'),
      revision: e.revision,
    }));
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Roll {0} back to', resource), placeHolder: vscode.l10n.t('Pick a revision') });
    return picked?.revision;
  },
  showError(message, actions) {
    void vscode.window.showErrorMessage(message, ...actions.map((a) => a.title)).then((title) => actions.find((a) => a.title === title)?.run());
  },
  showInfo(message) {
    void vscode.window.showInformationMessage(message);
  },
};
