import * as vscode from 'vscode';
import { configViewArgs, versionArgs } from './args';
import { classifyFailure } from './errors';
import { parseCurrentContext, parseServerVersion, type CurrentContext } from './parse';
import { runKubectl, type RunResult } from './runner';
import { kubectlSettings } from './settings';

/** The current context, or the failed run that was meant to read it. */
export type ContextLookup = { ok: true; current: CurrentContext } | { ok: false; run: RunResult & { failure: ReturnType<typeof classifyFailure> } };

/** Reads the current context (as the settings select it) with `kubectl config view --minify`, which contacts no server. */
export async function readCurrentContext(): Promise<ContextLookup> {
  const settings = kubectlSettings();
  const run = await runKubectl(settings.executable, configViewArgs(settings.globals), { timeoutMs: settings.timeoutMs });
  const current = run.exitCode === 0 ? parseCurrentContext(run.stdout) : null;
  if (current) return { ok: true, current };
  const failure = run.exitCode === 0 ? 'noContext' : classifyFailure(run);
  return { ok: false, run: { ...run, stderr: run.stderr || 'current-context is not set', failure } };
}

let known: string | undefined;
const changed = new vscode.EventEmitter<string | undefined>();

/** Fires when the API server version learnt from the cluster changes. */
export const onDidChangeClusterVersion = changed.event;

/** The API server's `major.minor` last read from the cluster, if any (for `maxVersion: "cluster"`). */
export function knownClusterVersion(): string | undefined {
  return known;
}

/** Asks the API server its version (`kubectl version -o json`); keeps and returns it (undefined when unreachable). */
export async function refreshClusterVersion(): Promise<string | undefined> {
  const settings = kubectlSettings();
  const run = await runKubectl(settings.executable, versionArgs(settings.globals), { timeoutMs: settings.timeoutMs });
  const version = parseServerVersion(run.stdout);
  if (version !== known) {
    known = version;
    changed.fire(version);
  }
  return version;
}
