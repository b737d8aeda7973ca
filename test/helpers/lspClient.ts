import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type CancellationToken,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities,
  ConfigurationItem,
  ConfigurationParams,
  Diagnostic,
  DocumentDiagnosticReport,
  InitializeResult,
  PublishDiagnosticsParams,
  Range,
} from 'vscode-languageserver-protocol';
import { REPO_ROOT, SERVER_JS } from './paths';

export { CancellationTokenSource };

/** How to start the server and what the client declares. */
export interface LspClientOptions {
  /** Working directory of the server process (default: the repository root). */
  cwd?: string;
  /** A folder (file system path) sent as the single workspace folder; none when absent. */
  workspaceFolder?: string;
  /** Declare `textDocument.diagnostic` (pull diagnostics); default true. */
  pullDiagnostics?: boolean;
  /** Declare `workspace.configuration`; default true. */
  configuration?: boolean;
  /** Declare `textDocument.completion.completionItem.snippetSupport`; default true, false declares no completion capability. */
  snippetSupport?: boolean;
  /** Declare `window.workDoneProgress`; default false. */
  workDoneProgress?: boolean;
  /** The `locale` of `initialize`; default `en`. */
  locale?: string;
  /** The `workloadStudio` section answered to `workspace/configuration`; tests may replace it later. */
  settings?: Record<string, unknown>;
  /** `initializationOptions` of `initialize`. */
  initializationOptions?: Record<string, unknown>;
  /** Extra arguments for the server's node process, before the script (e.g. `--expose-gc`). */
  nodeArgs?: string[];
  /** Environment variables added to the server process's. */
  env?: Record<string, string>;
}

/** A notification the server sent, in arrival order. */
export interface Received {
  method: string;
  params: unknown;
}

/** One text change of an incremental `didChange`. */
export interface Edit {
  range: Range;
  text: string;
}

interface Publish {
  seq: number;
  params: PublishDiagnosticsParams;
}

/**
 * A minimal LSP client for tests: it runs `dist/server.js --stdio`, answers the server's requests,
 * records its notifications and offers document and request helpers. Waits are event driven with
 * deadlines; nothing sleeps.
 */
export class LspClient {
  /** The `workloadStudio` settings answered to `workspace/configuration`; assign to change them. */
  settings: Record<string, unknown>;
  /** The `files.exclude` section answered to `workspace/configuration`. */
  filesExclude: Record<string, boolean> = {};
  /** Every notification received, in order. */
  readonly notifications: Received[] = [];
  /** Every request the server sent to the client (method names), in order. */
  readonly serverRequests: string[] = [];
  /** Every item the server asked for with `workspace/configuration`, in order. */
  readonly configurationItems: ConfigurationItem[] = [];
  /** What the server wrote to stderr. */
  stderr = '';
  /** The answer to `initialize`. */
  initializeResult!: InitializeResult;
  /** True when the client declared pull diagnostics. */
  readonly pull: boolean;

  private readonly versions = new Map<string, number>();
  private readonly published = new Map<string, Publish>();
  private readonly freshAfter = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private seq = 0;
  private exitCode: number | null | undefined;

  private constructor(
    private readonly proc: ChildProcess,
    private readonly conn: MessageConnection,
    options: LspClientOptions,
  ) {
    this.settings = options.settings ?? {};
    this.pull = options.pullDiagnostics ?? true;
    proc.stdin!.on('error', () => undefined);
    proc.unref();
    for (const stream of [proc.stdin, proc.stdout, proc.stderr]) (stream as unknown as { unref?: () => void }).unref?.();
    proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    proc.on('exit', (code) => {
      this.exitCode = code;
      this.emit();
    });
    conn.onNotification((method, params) => {
      this.notifications.push({ method, params });
      if (method === 'textDocument/publishDiagnostics') {
        const p = params as PublishDiagnosticsParams;
        this.published.set(p.uri, { seq: ++this.seq, params: p });
      }
      this.emit();
    });
    conn.onUnhandledProgress((params) => {
      this.notifications.push({ method: '$/progress', params });
      this.emit();
    });
    conn.onRequest('workspace/configuration', (p: ConfigurationParams) => {
      this.serverRequests.push('workspace/configuration');
      this.configurationItems.push(...p.items);
      return p.items.map((i) => (i.section === 'workloadStudio' ? this.settings : i.section === 'files.exclude' ? this.filesExclude : null));
    });
    conn.onRequest((method) => {
      this.serverRequests.push(method);
      this.emit();
      return null;
    });
    conn.listen();
  }

  /** Starts the server and completes `initialize` / `initialized`. */
  static async start(options: LspClientOptions = {}): Promise<LspClient> {
    const proc = spawn(process.execPath, [...(options.nodeArgs ?? []), serverJs(), '--stdio'], { cwd: options.cwd ?? REPO_ROOT, env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new LspClient(proc, conn, options);
    const folder = options.workspaceFolder;
    const uri = folder ? pathToFileURL(folder).href : null;
    client.initializeResult = await client.request<InitializeResult>('initialize', {
      processId: process.pid,
      locale: options.locale ?? 'en',
      rootUri: uri,
      workspaceFolders: uri ? [{ uri, name: 'workspace' }] : null,
      capabilities: capabilities(options),
      initializationOptions: options.initializationOptions,
    });
    conn.sendNotification('initialized', {});
    return client;
  }

  /** The server's exit code once it has exited (null when killed by a signal), else undefined. */
  get exitStatus(): number | null | undefined {
    return this.exitCode;
  }

  /** True while the server process runs. */
  get alive(): boolean {
    return this.exitCode === undefined;
  }

  /** The version last sent for an open document. */
  version(uri: string): number | undefined {
    return this.versions.get(uri);
  }

  /** Sends `didOpen` (version 1). */
  open(uri: string, text: string, languageId = 'yaml'): void {
    this.versions.set(uri, 1);
    this.freshAfter.set(uri, this.seq);
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends an incremental `didChange` with the next version. */
  change(uri: string, edits: Edit[]): number {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.freshAfter.set(uri, this.seq);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: edits });
    return version;
  }

  /** Sends `didClose`. */
  close(uri: string): void {
    this.versions.delete(uri);
    void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Replaces the settings and sends `workspace/didChangeConfiguration`; earlier publishes count as stale. */
  changeConfiguration(settings: Record<string, unknown>, pushed?: unknown): void {
    this.settings = settings;
    for (const uri of this.versions.keys()) this.freshAfter.set(uri, this.seq);
    void this.conn.sendNotification('workspace/didChangeConfiguration', { settings: pushed ?? null });
  }

  /** Sends any notification. */
  notify(method: string, params: unknown): void {
    void this.conn.sendNotification(method, params);
  }

  /** Sends a request; it fails when no answer comes within the deadline. */
  request<R>(method: string, params: unknown, deadlineMs = 10_000, token?: CancellationToken): Promise<R> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer to ${method} within ${deadlineMs} ms`)), deadlineMs);
    });
    const answer = token ? this.conn.sendRequest<R>(method, params, token) : this.conn.sendRequest<R>(method, params);
    return Promise.race([answer, late]).finally(() => clearTimeout(timer));
  }

  /**
   * The diagnostics of an open document at its current version: pulled with `textDocument/diagnostic`
   * when the client declared it, else the first `publishDiagnostics` for this version received after
   * the last open, change or configuration change.
   */
  async diagnostics(uri: string, deadlineMs = 10_000): Promise<Diagnostic[]> {
    if (this.pull) {
      const report = await this.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } }, deadlineMs);
      if (report.kind !== 'full') throw new Error(`expected a full report for ${uri}, got ${report.kind}`);
      return report.items;
    }
    const version = this.versions.get(uri);
    const after = this.freshAfter.get(uri) ?? 0;
    const found = await this.waitFor(() => {
      const p = this.published.get(uri);
      return p && p.seq > after && p.params.version === version ? p.params : undefined;
    }, deadlineMs, `publishDiagnostics for ${uri} version ${version}`);
    return found.diagnostics;
  }

  /** The notifications received with a method, in order. */
  received<T>(method: string): T[] {
    return this.notifications.filter((n) => n.method === method).map((n) => n.params as T);
  }

  /**
   * Resolves with the predicate's first truthy value, checked now and after every message or exit;
   * rejects when the deadline passes or the server exits first.
   */
  waitFor<T>(predicate: () => T | undefined | null | false, deadlineMs = 10_000, what = 'condition'): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const value = predicate();
        if (value) finish(() => resolve(value));
        else if (!this.alive) finish(() => reject(new Error(`server exited (code ${this.exitCode}) while waiting for ${what}; stderr: ${this.stderr}`)));
      };
      const timer = setTimeout(() => finish(() => reject(new Error(`timed out after ${deadlineMs} ms waiting for ${what}`))), deadlineMs);
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        this.listeners.delete(check);
        settle();
      };
      this.listeners.add(check);
      check();
    });
  }

  /** Sends `shutdown` and `exit`, then kills the process if it has not exited within the deadline. */
  async shutdown(deadlineMs = 5_000): Promise<void> {
    if (this.alive) {
      await this.request('shutdown', null, deadlineMs).catch(() => undefined);
      this.notify('exit', null);
      await this.waitFor(() => !this.alive, deadlineMs, 'exit').catch(() => this.proc.kill('SIGKILL'));
    }
    this.conn.dispose();
  }

  private emit(): void {
    for (const l of [...this.listeners]) l();
  }
}

function capabilities(o: LspClientOptions): ClientCapabilities {
  return {
    textDocument: {
      synchronization: { dynamicRegistration: false },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
      ...((o.pullDiagnostics ?? true) ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      ...((o.snippetSupport ?? true) ? { completion: { completionItem: { snippetSupport: true } } } : {}),
    },
    workspace: {
      configuration: o.configuration ?? true,
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true },
      workspaceFolders: true,
      diagnostics: { refreshSupport: true },
    },
    window: { workDoneProgress: o.workDoneProgress ?? false },
  };
}

/** The server bundle under test: `dist/server.js`, or the file named by `LSP_TEST_SERVER_JS`. */
export function serverJs(): string {
  return process.env.LSP_TEST_SERVER_JS || SERVER_JS;
}

/** A `file://` URI for a path. */
export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}
