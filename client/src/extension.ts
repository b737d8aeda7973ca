import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { resourceLabel, WorkloadStudioProtocol as P } from '../../server/src/protocol';
import { explicitSettings } from './explicitSettings';
import { registerClusterFeatures, type ClusterFeaturesApi } from './rollout';
import { registerTemplateCommand } from './templates';

let client: LanguageClient | undefined;

/** Starts the language server and registers the commands. */
/** Starts the language client without waiting for the server, so activation stays short; requests wait for it. */
export function activate(context: vscode.ExtensionContext): WorkloadStudioApi {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const config = vscode.workspace.getConfiguration('workloadStudio');
  const output = vscode.window.createOutputChannel('Workload Studio', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    outputChannel: output,
    middleware: {
      workspace: {
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) return answers;
          return params.items.map((item, i) => (item.section === 'workloadStudio' ? explicitSettings(item.scopeUri) : answers[i]));
        },
      },
    },
    initializationOptions: {
      index: config.get<boolean>('index.enable', true),
      maxIndexFileSize: config.get<number>('index.maxFileSize', 5 * 1024 * 1024),
    },
  };
  client = new LanguageClient('workloadStudio', 'Workload Studio', serverOptions, clientOptions);
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
  client.start().catch((e: unknown) => output.error(`The language server did not start: ${e instanceof Error ? e.message : String(e)}`));
  return { resourceAt, client: () => client, cluster };
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
  /** The rollout and cluster commands' state and test hooks. */
  cluster: ClusterFeaturesApi;
}

async function resourceAt(uri: vscode.Uri, position: vscode.Position): Promise<P.ResourceAtResult> {
  if (!client) return null;
  const params: P.ResourceAtParams = { textDocument: { uri: uri.toString() }, position: { line: position.line, character: position.character } };
  return client.sendRequest<P.ResourceAtResult>(P.resourceAt, params);
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
  if (!client) return;
  const count = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Indexing Kubernetes resources…') },
    () => client!.sendRequest<number>(P.reindex),
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
