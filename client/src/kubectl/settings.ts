import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { KubectlGlobals } from './args';
import { machineValue } from './machineSetting';

/** The `workloadStudio.kubectl.*` settings, resolved. */
export interface KubectlSettings {
  /** The kubectl executable: a path or a name looked up on PATH. */
  executable: string;
  globals: KubectlGlobals;
  /** Context names this matches get the stronger production warning. */
  productionPattern: RegExp;
  /** Timeout of non-streaming commands, in milliseconds. */
  timeoutMs: number;
}

const DEFAULT_PRODUCTION = 'prod|production|prd|live';

/**
 * Reads the kubectl settings. `kubectl.path` and `kubectl.kubeconfig` are machine settings read from the
 * user's settings only: workspace values are ignored even in a trusted workspace.
 */
export function kubectlSettings(): KubectlSettings {
  const config = vscode.workspace.getConfiguration('workloadStudio.kubectl');
  const executable = expandHome(machineValue(config.inspect<string>('path'), '').trim()) || 'kubectl';
  const kubeconfig = expandHome(machineValue(config.inspect<string>('kubeconfig'), '').trim()) || undefined;
  const context = config.get<string>('context', '').trim() || undefined;
  const seconds = config.get<number>('timeout', 60);
  return {
    executable,
    globals: { kubeconfig, context },
    productionPattern: productionPattern(config.get<string>('productionContextPattern', DEFAULT_PRODUCTION)),
    timeoutMs: Math.max(1, Number.isFinite(seconds) ? seconds : 60) * 1000,
  };
}

function productionPattern(source: string): RegExp {
  try {
    return new RegExp(source || DEFAULT_PRODUCTION, 'i');
  } catch {
    return new RegExp(DEFAULT_PRODUCTION, 'i');
  }
}

function expandHome(value: string): string {
  return value === '~' || value.startsWith('~/') ? path.join(os.homedir(), value.slice(1)) : value;
}
