import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { resourceArg, RefusedArgument, type WorkloadTarget } from '../kubectl/args';
import { readCurrentContext } from '../kubectl/cluster';
import type { KubectlConsole, RecordedRun } from '../kubectl/console';
import { explainFailure } from '../kubectl/messages';
import { displayName, isDnsLabel, isDnsSubdomain } from '../kubectl/names';
import type { CurrentContext } from '../kubectl/parse';
import { kubectlSettings, type KubectlSettings } from '../kubectl/settings';
import { documentResources, placeOf, resourceAtPlace } from './target';
import type { RolloutUi } from './ui';

/** What the commands need from the extension. */
export interface CommandDeps {
  client(): LanguageClient | undefined;
  console: KubectlConsole;
  ui(): RolloutUi;
  /** False in Restricted Mode (an untrusted workspace). */
  trusted(): boolean;
}

/** A workload resolved for a command: validated target, its `kind.group/name`, the context and settings. */
export interface Workload {
  target: WorkloadTarget;
  resource: string;
  context: CurrentContext;
  settings: KubectlSettings;
}

/** A document resolved for the file commands (diff, dry-run apply). */
export interface ManifestDocument {
  document: vscode.TextDocument;
  resources: string[];
  namespaces: string[];
  context: CurrentContext;
  settings: KubectlSettings;
}

/** Refuses with an explanation in Restricted Mode; true when cluster commands may run. */
export function guardTrust(deps: CommandDeps): boolean {
  if (deps.trusted()) return true;
  deps.ui().showError(
    vscode.l10n.t('Cluster commands are disabled in Restricted Mode: they run kubectl against your clusters, and this workspace is not trusted. Trust the workspace to use them.'),
    [{ title: vscode.l10n.t('Manage Workspace Trust'), run: () => vscode.commands.executeCommand('workbench.trust.manage') }],
  );
  return false;
}

/** Shows why a kubectl run failed, with the next step. */
export function reportFailure(deps: CommandDeps, run: RecordedRun, subject: string): void {
  const explained = explainFailure(run, subject);
  deps.ui().showError(explained.message, explained.actions);
}

async function currentContext(deps: CommandDeps, subject: string): Promise<CurrentContext | undefined> {
  const lookup = await readCurrentContext();
  if (lookup.ok) return lookup.current;
  reportFailure(deps, lookup.run, subject);
  return undefined;
}

function refuseName(deps: CommandDeps, what: 'name' | 'namespace', value: unknown): undefined {
  deps.ui().showError(what === 'name'
    ? vscode.l10n.t('The name {0} is not a valid Kubernetes name (lowercase letters, digits, "-" and "."), so kubectl was not run.', displayName(value))
    : vscode.l10n.t('The namespace {0} is not a valid Kubernetes namespace (lowercase letters, digits and "-"), so kubectl was not run.', displayName(value)), []);
  return undefined;
}

/**
 * Resolves the workload a command acts on: asks the server for the resource at the place, checks its
 * kind against `kinds` (resource names by kind) and its names, and reads the context (whose namespace
 * stands in when the manifest sets none). Reports and returns undefined when anything is missing.
 */
export async function prepareWorkload(deps: CommandDeps, args: unknown[], command: string, kinds: Readonly<Record<string, string>>): Promise<Workload | undefined> {
  if (!guardTrust(deps)) return undefined;
  const client = deps.client();
  const place = placeOf(args);
  const found = client && place ? await resourceAtPlace(client, place) : null;
  if (!found) {
    deps.ui().showInfo(vscode.l10n.t('No Kubernetes resource at the cursor.'));
    return undefined;
  }
  const r = found.resource;
  if (!Object.prototype.hasOwnProperty.call(kinds, r.kind) || r.apiVersion !== 'apps/v1') {
    deps.ui().showError(vscode.l10n.t('{0} works on {1} (apps/v1); the resource at the cursor is {2} {3}.', command, Object.keys(kinds).join(', '), r.apiVersion, r.kind), []);
    return undefined;
  }
  if (!isDnsSubdomain(r.name)) return refuseName(deps, 'name', r.name);
  if (r.namespace !== null && !isDnsLabel(r.namespace)) return refuseName(deps, 'namespace', r.namespace);
  const context = await currentContext(deps, `${r.kind}/${r.name}`);
  if (!context) return undefined;
  const namespace = r.namespace ?? context.namespace ?? 'default';
  if (!isDnsLabel(namespace)) return refuseName(deps, 'namespace', namespace);
  const target: WorkloadTarget = { apiVersion: r.apiVersion, kind: r.kind, name: r.name, namespace };
  try {
    return { target, resource: resourceArg(target, kinds), context, settings: kubectlSettings() };
  } catch (error) {
    if (error instanceof RefusedArgument) return refuseName(deps, error.reason === 'namespace' ? 'namespace' : 'name', error.value);
    throw error;
  }
}

/** Resolves the document the file commands send to kubectl, with its resources (asked of the server). */
export async function prepareDocument(deps: CommandDeps, args: unknown[]): Promise<ManifestDocument | undefined> {
  if (!guardTrust(deps)) return undefined;
  const client = deps.client();
  const place = placeOf(args);
  const found = client && place ? await documentResources(client, place.uri) : [];
  if (!place || !found.length) {
    deps.ui().showInfo(vscode.l10n.t('This document has no Kubernetes resources.'));
    return undefined;
  }
  for (const { resource: r } of found) {
    if (!isDnsSubdomain(r.name)) return refuseName(deps, 'name', r.name);
    if (r.namespace !== null && !isDnsLabel(r.namespace)) return refuseName(deps, 'namespace', r.namespace);
  }
  const document = await vscode.workspace.openTextDocument(place.uri);
  const context = await currentContext(deps, vscode.workspace.asRelativePath(place.uri));
  if (!context) return undefined;
  const fallback = context.namespace ?? 'default';
  return {
    document, context, settings: kubectlSettings(),
    resources: found.map(({ resource: r }) => `${r.kind}/${r.name}`),
    namespaces: [...new Set(found.map(({ resource: r }) => r.namespace ?? fallback))],
  };
}
