import * as vscode from 'vscode';
import { knownClusterVersion } from './kubectl/cluster';

const KEYS = ['profile', 'templates', 'exclude', 'defaultNamespace', 'kubernetes.minVersion', 'kubernetes.maxVersion', 'schemaValidation.enable', 'limits.maxFileSize', 'limits.maxLines', 'limits.maxResources'];

/**
 * The `workloadStudio.*` settings the user set explicitly (user, workspace or folder), without the
 * manifest defaults, so that the server can let `.kws.yaml` decide everything the user left unset.
 */
export function explicitSettings(scopeUri: string | undefined): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration('workloadStudio', scopeUri ? vscode.Uri.parse(scopeUri) : undefined);
  const out: Record<string, unknown> = {};
  for (const key of KEYS) {
    const i = config.inspect(key);
    const set = i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
    const value = key === 'kubernetes.maxVersion' && set === 'cluster' ? knownClusterVersion() : set;
    if (value !== undefined && value !== null) setPath(out, key, value);
  }
  const rules = config.inspect<Record<string, unknown>>('rules');
  out.rules = { ...rules?.globalValue, ...rules?.workspaceValue, ...rules?.workspaceFolderValue };
  return out;
}

function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let node = target;
  for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1]] = value;
}
