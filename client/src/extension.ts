import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { resourceLabel, WorkloadStudioProtocol as P } from '../../server/src/protocol';
import { registerClusterFeatures, type ClusterFeaturesApi } from './rollout';
import { registerTemplateCommand } from './templates';

let client: LanguageClient | undefined;
let clientReady: Promise<LanguageClient> | undefined;

/**
 * Registers the commands and returns at once: the language client library is loaded, and the client
 * created and started, right after activation, and requests wait for it. No schema is read here.
 */
export function activate(context: vscode.ExtensionContext): WorkloadStudioApi {
  const output = vscode.window.createOutputChannel('Workload Studio', { log: true });
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('workloadStudio.showResourceAtCursor', () => showResourceAtCursor()),
    vscode.commands.registerCommand('workloadStudio.reindexWorkspace', () => reindex()),
    vscode.commands.registerCommand('workloadStudio.showOutput', () => output.show()),
    vscode.commands.registerCommand('workloadStudio.openRuleDocs', (url: string, ruleId: string) => openRuleDocs(context, url, ruleId)),
    vscode.commands.registerCommand('workloadStudio.showCoverage', (uri: string, position: { line: number; character: number }, locations: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[]) =>
      vscode.commands.executeCommand(
        'editor.action.showReferences',
        vscode.Uri.parse(uri),
        new vscode.Position(position.line, position.character),
        locations.map((l) => new vscode.Location(vscode.Uri.parse(l.uri), new vscode.Range(l.range.start.line, l.range.start.character, l.range.end.line, l.range.end.character))),
      ),
    ),
    registerTemplateCommand(context, () => client),
  );
  const cluster = registerClusterFeatures(context, () => client);
  clientReady = new Promise((resolve) =>
    setImmediate(() => {
      client = createClient(context, output);
      context.subscriptions.push(cluster.watchClient(client));
      client.start().catch((e: unknown) => output.error(vscode.l10n.t('The language server did not start: {0}', e instanceof Error ? e.message : String(e))));
      resolve(client);
    }),
  );
  return { resourceAt, client: () => client, ready: () => clientReady!, cluster };
}

/** Loads the language client bundle (kept out of this one so that activation stays short) and creates the client. */
function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const bundle = require(context.asAbsolutePath(path.join('dist', 'languageClient.js'))) as typeof import('./languageClient');
  return bundle.createClient(context, output);
}

/** Stops the language server. */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** What the extension exports to other extensions and to its tests. */
export interface WorkloadStudioApi {
  resourceAt(uri: vscode.Uri, position: vscode.Position): Promise<P.ResourceAtResult>;
  client(): LanguageClient | undefined;
  /** Resolves with the language client once it has been created (right after activation). */
  ready(): Promise<LanguageClient>;
  /** The rollout and cluster commands' state and test hooks. */
  cluster: ClusterFeaturesApi;
}

async function resourceAt(uri: vscode.Uri, position: vscode.Position): Promise<P.ResourceAtResult> {
  const ready = await clientReady;
  if (!ready) return null;
  const params: P.ResourceAtParams = { textDocument: { uri: uri.toString() }, position: { line: position.line, character: position.character } };
  return ready.sendRequest<P.ResourceAtResult>(P.resourceAt, params);
}

async function showResourceAtCursor(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const found = await resourceAt(editor.document.uri, editor.selection.active);
  if (!found) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No Kubernetes resource at the cursor.'));
    return;
  }
  const r = found.resource;
  void vscode.window.showInformationMessage(vscode.l10n.t('{0} ({1}), document {2}', resourceLabel(r), r.apiVersion, found.document + 1));
}

async function reindex(): Promise<void> {
  const ready = await clientReady;
  if (!ready) return;
  const count = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Indexing Kubernetes resources…') },
    () => ready.sendRequest<number>(P.reindex),
  );
  void vscode.window.showInformationMessage(vscode.l10n.t('Workspace index rebuilt: {0} resources.', count));
}

/** Opens a rule's docs page: the copy shipped in the extension (in the UI language) as a Markdown preview, else the web page. */
async function openRuleDocs(context: vscode.ExtensionContext, url: string, ruleId: string): Promise<void> {
  const zh = vscode.env.language.toLowerCase().startsWith('zh');
  for (const rel of zh ? [`docs/rules/zh-CN/${ruleId}.md`, `docs/rules/${ruleId}.md`] : [`docs/rules/${ruleId}.md`]) {
    const uri = vscode.Uri.file(context.asAbsolutePath(rel));
    try {
      await vscode.workspace.fs.stat(uri);
      await vscode.commands.executeCommand('markdown.showPreview', uri);
      return;
    } catch {
      continue;
    }
  }
  await vscode.env.openExternal(vscode.Uri.parse(url));
}
