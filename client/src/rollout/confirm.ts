import * as vscode from 'vscode';
import type { ConfirmRequest } from './ui';

/** What a confirmation names. */
export interface ConfirmSubject {
  /** The kubectl subcommand. */
  action: string;
  /** The sentence's start, such as "Restart" or "Scale to 3 replicas:". */
  verb: string;
  /** The confirm button's label. */
  button: string;
  resources: string[];
  context: string;
  namespace: string;
}

/** Builds the confirmation for a mutating command, with the stronger wording for production contexts. */
export function confirmRequest({ action, verb, button, resources, context, namespace }: ConfirmSubject, productionPattern: RegExp): ConfirmRequest {
  const production = productionPattern.test(context);
  const what = resources.length === 1 ? resources[0] : vscode.l10n.t('{0} resources', resources.length);
  const message = production
    ? vscode.l10n.t('PRODUCTION context "{0}": {1} {2} in namespace "{3}"?', context, verb, what, namespace)
    : vscode.l10n.t('{0} {1} in namespace "{2}" of context "{3}"?', verb, what, namespace, context);
  const lines = [
    vscode.l10n.t('Context: {0}', context),
    vscode.l10n.t('Namespace: {0}', namespace),
    vscode.l10n.t('Resources: {0}', resources.join(', ')),
  ];
  if (production) {
    lines.unshift(vscode.l10n.t('The context name matches the production pattern (workloadStudio.kubectl.productionContextPattern). This changes a live cluster that users depend on.'));
  }
  return {
    action, resources, context, namespace, production, message, detail: lines.join('\n'),
    confirmLabel: production ? vscode.l10n.t('{0} in production', button) : button,
  };
}
