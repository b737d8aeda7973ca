import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { extractResources } from '../index/extract';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { toLocale } from '../model/types';
import { WorkloadStudioProtocol as P } from '../protocol';
import { WorkspaceCrdCatalog } from '../schema/crdCatalog';
import { analyzeFile, CancelledError } from '../service/analyze';
import { ModelCache } from '../service/modelCache';
import { resourceAt, resourcesOf } from '../service/resourceAt';
import { documentSymbols } from '../service/symbols';
import { toCoverageLens, toDiagnostic, toDocumentSymbol } from './convert';
import { registerCompletion } from './completion';
import { registerHover } from './hover';
import { coverageLenses, definition, references } from '../cross/navigation';
import { Indexer } from './indexer';
import { SECTION, SettingsProvider } from './settingsProvider';
import { CONFIG_FILE } from '../config/kwsConfig';
import { CODE_ACTION_OPTIONS, registerCodeActions } from './codeActions';
import { registerDebugStats } from './debugStats';
import { OpenModels } from './openModels';

/** Initialization options the client may pass. */
export interface InitializationOptions {
  /** Settings to use when the client cannot answer `workspace/configuration`. */
  settings?: unknown;
  /** Build the workspace index (default true). */
  index?: boolean;
  /** Largest file, in bytes, the index reads (default 5 MiB). */
  maxIndexFileSize?: number;
}

/** Wires the language service to an LSP connection; all analysis lives in the service. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const models = new ModelCache();
  const index = new WorkspaceIndex();
  let settings!: SettingsProvider;
  let indexer: Indexer | undefined;
  let folders: string[] = [];
  let pull = false;
  let snippets = false;
  let snippetEdits = false;
  let locale: 'en' | 'zh-CN' = 'en';
  const pending = new Map<string, NodeJS.Timeout>();
  const crds = new WorkspaceCrdCatalog();
  let crdRefresh: NodeJS.Timeout | undefined;
  /** Re-checks open documents shortly after the workspace's CRDs or index changed (cross-document findings follow). */
  const workspaceChanged = () => {
    clearTimeout(crdRefresh);
    crdRefresh = setTimeout(() => {
      if (pull) connection.languages.diagnostics.refresh().catch(() => undefined);
      else documents.all().forEach((d) => push(d.uri));
    }, 200);
  };

  index.onDidChange(() => workspaceChanged());

  const open = new OpenModels({
    documents,
    models,
    settings: (uri) => settings.get(uri),
    publish: (uri, file) => {
      if (file.limited) return;
      try {
        if (crds.setFile(uri, file, { deferSchemas: true })) workspaceChanged();
        if (indexer) index.setFile(uri, extractResources(uri, file));
      } catch (e) {
        connection.console.error(`indexing ${uri} failed: ${String(e)}`);
      }
    },
  });
  const model = (doc: TextDocument) => open.model(doc);

  const findings = async (doc: TextDocument, token?: CancellationToken) => {
    if (SettingsProvider.isConfigFile(doc.uri)) return settings.configFor(doc.uri).findings.map((f) => toDiagnostic(f, locale));
    const { file, settings: s } = await model(doc);
    return analyzeFile(file, s, token, undefined, { crds, index: indexer ? index : undefined, uri: doc.uri }).map((f) => toDiagnostic(f, locale));
  };

  const push = (uri: string) => {
    clearTimeout(pending.get(uri));
    pending.set(
      uri,
      setTimeout(() => {
        pending.delete(uri);
        const doc = documents.get(uri);
        if (!doc) return;
        findings(doc)
          .then((diagnostics) => connection.sendDiagnostics({ uri, version: doc.version, diagnostics }))
          .catch((e) => connection.console.error(`diagnostics failed for ${uri}: ${String(e)}`));
      }, 50),
    );
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    locale = toLocale(params.locale);
    pull = !!caps.textDocument?.diagnostic;
    snippets = !!caps.textDocument?.completion?.completionItem?.snippetSupport;
    snippetEdits = !!caps.workspace?.workspaceEdit?.snippetEditSupport;
    folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []))
      .map((f) => URI.parse(f.uri))
      .filter((u) => u.scheme === 'file')
      .map((u) => u.fsPath);
    settings = new SettingsProvider(connection, locale, !!caps.workspace?.configuration, options.settings, () => folders, (uri) => documents.get(uri)?.getText());
    if (options.index !== false) {
      indexer = new Indexer({
        connection,
        index,
        folders: () => folders,
        settings: () => settings.get(),
        filesExclude: () => settings.filesExcludeGlobs(),
        isOpen: (uri) => !!documents.get(uri),
        progress: !!caps.window?.workDoneProgress,
        maxFileSize: options.maxIndexFileSize ?? 5 * 1024 * 1024,
        crds,
        crdsChanged: workspaceChanged,
      });
    }
    const dynamicWatch = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    connection.onInitialized(() => {
      if (caps.workspace?.didChangeConfiguration?.dynamicRegistration) {
        void connection.client.register(DidChangeConfigurationNotification.type, { section: SECTION });
      }
      if (dynamicWatch) {
        void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }, { globPattern: `**/${CONFIG_FILE}` }] });
      }
      if (caps.workspace?.workspaceFolders) connection.workspace.onDidChangeWorkspaceFolders(onFoldersChanged);
      void indexer?.rebuild();
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        diagnosticProvider: pull ? { identifier: 'workload-studio', interFileDependencies: true, workspaceDiagnostics: false } : undefined,
        documentSymbolProvider: { label: 'Kubernetes' },
        definitionProvider: true,
        referencesProvider: true,
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: [':', ' '] },
        hoverProvider: true,
        codeActionProvider: CODE_ACTION_OPTIONS,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'workload-studio', version: '0.1.0' },
    };
  });

  connection.onDidChangeConfiguration((change) => {
    settings.reset((change.settings as Record<string, unknown> | undefined)?.[SECTION]);
    models.clear();
    if (pull) connection.languages.diagnostics.refresh().catch(() => undefined);
    else documents.all().forEach((d) => push(d.uri));
    void indexer?.rebuild();
  });

  const onFoldersChanged = (e: WorkspaceFoldersChangeEvent) => {
    const toPath = (u: string) => URI.parse(u).fsPath;
    const removed = new Set(e.removed.map((f) => toPath(f.uri)));
    folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => toPath(f.uri))];
    configChanged();
    void indexer?.rebuild();
  };

  const configChanged = () => {
    settings.resetConfigFiles();
    models.clear();
    if (pull) connection.languages.diagnostics.refresh().catch(() => undefined);
    else documents.all().forEach((d) => push(d.uri));
  };

  documents.onDidChangeContent(({ document }) => {
    if (SettingsProvider.isConfigFile(document.uri)) return configChanged();
    if (!pull) push(document.uri);
    open.changed(document.uri);
  });

  documents.onDidOpen(({ document }) => indexer?.opened(document.uri));

  documents.onDidClose(({ document }) => {
    if (SettingsProvider.isConfigFile(document.uri)) configChanged();
    models.delete(document.uri);
    open.closed(document.uri);
    crds.settle(document.uri);
    clearTimeout(pending.get(document.uri));
    if (!pull) connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    if (indexer && URI.parse(document.uri).scheme === 'file') indexer.closed(document.uri, document.getText());
    else {
      index.removeFile(document.uri);
      if (crds.removeFile(document.uri)) workspaceChanged();
    }
  });

  connection.languages.diagnostics.on(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    try {
      return { kind: DocumentDiagnosticReportKind.Full, items: await findings(doc, token) };
    } catch (e) {
      if (e instanceof CancelledError) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'cancelled', { retriggerRequest: true });
      throw e;
    }
  });

  connection.onDocumentSymbol(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || token.isCancellationRequested) return null;
    const { file } = await model(doc);
    return documentSymbols(file).map(toDocumentSymbol);
  });

  registerCompletion(connection, { documents, model, locale: () => locale, index: () => (indexer ? index : undefined), snippetSupport: () => snippets });
  registerHover(connection, { documents, model, locale: () => locale, index: () => (indexer ? index : undefined) });

  connection.onDefinition(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !indexer) return null;
    const { file } = await model(doc);
    return definition(file, params.position, index).map((t) => ({ targetUri: t.uri, targetRange: t.range, targetSelectionRange: t.selectionRange }));
  });

  connection.onReferences(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !indexer) return null;
    const { file } = await model(doc);
    return references(file, params.position, index, doc.uri).map((t) => ({ uri: t.uri, range: t.selectionRange }));
  });

  connection.onCodeLens(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !indexer) return null;
    const { file } = await model(doc);
    return coverageLenses(file, index, doc.uri).map((lens) => toCoverageLens(doc.uri, lens, locale));
  });

  connection.onRequest(P.resourceAt, async (params: P.ResourceAtParams): Promise<P.ResourceAtResult> => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const { file } = await model(doc);
    return resourceAt(file, params.position) ?? null;
  });

  connection.onRequest(P.documentResources, async (params: P.DocumentResourcesParams): Promise<P.DocumentResourcesResult> => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const { file } = await model(doc);
    return resourcesOf(file);
  });

  connection.onRequest(P.findResources, async (params: P.FindResourcesParams): Promise<P.FindResourcesResult> => {
    await indexer?.ready();
    await open.flush();
    if (params.selector) return index.selectedBy(params.selector.selector, params.selector.namespace);
    return index.find(params.query ?? {});
  });

  connection.onRequest(P.reindex, async () => {
    await indexer?.rebuild();
    return index.size;
  });

  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((c) => SettingsProvider.isConfigFile(c.uri))) configChanged();
    void indexer?.onWatchedFiles(params.changes);
  });

  registerCodeActions(connection, { documents, model, env: (uri) => ({ crds, index: indexer ? index : undefined, uri }), locale: () => locale, root: () => folders[0], snippetEdits: () => snippetEdits });
  registerDebugStats(connection, { documents, models });
  documents.listen(connection);
  connection.listen();
}
