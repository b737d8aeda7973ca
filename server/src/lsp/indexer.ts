import { URI } from 'vscode-uri';
import { FileChangeType, type Connection, type FileEvent } from 'vscode-languageserver';
import { extractResources } from '../index/extract';
import { excludeMatcher, listYamlFiles, readYamlFile } from '../index/scan';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { WorkspaceCrdCatalog } from '../schema/crdCatalog';
import { parseYamlFile } from '../model/yamlFile';
import { WorkloadStudioProtocol as P } from '../protocol';
import type { Settings } from '../service/settings';

/** What the indexer needs from the server around it. */
export interface IndexerHost {
  connection: Connection;
  index: WorkspaceIndex;
  folders: () => string[];
  settings: () => Promise<Settings>;
  filesExclude: () => Promise<string[]>;
  /** True when the editor has the file open (its text, not the disk's, is indexed then). */
  isOpen: (uri: string) => boolean;
  progress: boolean;
  maxFileSize: number;
  /** The workspace's CustomResourceDefinitions, fed with every file indexed. */
  crds: WorkspaceCrdCatalog;
  /** Called when a file added, changed or removed CRDs. */
  crdsChanged: () => void;
}

/** How long the editor must stay quiet after closing files before they are re-read from disk. */
const CLOSED_SETTLE_MS = 500;

/** Keeps the workspace index in step with the files on disk: a background build, then watcher events. */
export class Indexer {
  private building: Promise<void> | undefined;
  private generation = 0;
  private readonly closing = new Map<string, string>();
  private settleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly host: IndexerHost) {}

  /** Rebuilds the index from disk in the background, reporting progress to the client. */
  rebuild(): Promise<void> {
    const run = ++this.generation;
    this.building = this.build(run);
    return this.building;
  }

  /** Resolves when the current build is done and every closed file has been re-read. */
  async ready(): Promise<void> {
    await this.building;
    await this.settleClosed();
  }

  /** Applies file watcher events to the index. */
  async onWatchedFiles(changes: FileEvent[]): Promise<void> {
    const settings = await this.host.settings();
    for (const change of changes) {
      if (!/\.ya?ml$/i.test(change.uri) || this.host.isOpen(change.uri)) continue;
      if (change.type === FileChangeType.Deleted) this.forget(change.uri);
      else await this.indexFile(change.uri, settings);
    }
  }

  /**
   * Notes that the editor closed a file: its entries stay as the editor had them until the editor has been
   * quiet for a moment (or the index is queried), then the file is re-read from disk unless it was reopened
   * or the disk holds the same text.
   */
  closed(uri: string, editorText: string): void {
    this.closing.set(uri, editorText);
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => void this.settleClosed(), CLOSED_SETTLE_MS);
  }

  /** Notes that the editor opened a file: its text, not the disk's, is what the index holds from now on. */
  opened(uri: string): void {
    this.closing.delete(uri);
  }

  private async settleClosed(): Promise<void> {
    clearTimeout(this.settleTimer);
    const closed = [...this.closing];
    this.closing.clear();
    if (!closed.length) return;
    const settings = await this.host.settings();
    for (const [uri, text] of closed) if (!this.host.isOpen(uri)) await this.indexFile(uri, settings, text);
  }

  private async build(run: number): Promise<void> {
    const { connection, index } = this.host;
    const settings = await this.host.settings();
    index.setDefaultNamespace(settings.defaultNamespace);
    const exclude = [...settings.exclude, ...(await this.host.filesExclude()).flatMap((g) => [g, `${g}/**`])];
    const progress = this.host.progress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('Workload Studio', 0, settings.locale === 'zh-CN' ? '正在索引 Kubernetes 资源…' : 'Indexing Kubernetes resources…', false);
    const files: string[] = [];
    for (const folder of this.host.folders()) {
      const skip = excludeMatcher(folder, exclude);
      files.push(...(await listYamlFiles(folder, exclude).catch(() => [])).filter((f) => !skip(f)));
    }
    const skipped: P.IndexReadyParams['skipped'] = [];
    const seen = new Set(files.map((f) => URI.file(f).toString()));
    for (const uri of index.uris()) if (!seen.has(uri) && !this.host.isOpen(uri)) this.forget(uri);
    for (let i = 0; i < files.length; i++) {
      if (run !== this.generation) return;
      const uri = URI.file(files[i]).toString();
      if (!this.host.isOpen(uri)) {
        const reason = await this.indexFile(uri, settings);
        if (reason) skipped.push({ uri, reason });
      }
      if (i % 20 === 0) {
        progress?.report(Math.round((100 * i) / Math.max(1, files.length)), `${i}/${files.length}`);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    progress?.done();
    void connection.sendNotification(P.indexReady, { files: files.length, resources: index.size, skipped } satisfies P.IndexReadyParams);
  }

  private async indexFile(uri: string, settings: Settings, unchangedIf?: string): Promise<string | undefined> {
    const file = URI.parse(uri).fsPath;
    const read = await readYamlFile(file, this.host.maxFileSize);
    if (!read.ok) {
      this.forget(uri);
      return read.error;
    }
    if (read.decoded.text === unchangedIf) return undefined;
    try {
      const model = parseYamlFile(read.decoded.text, { templates: settings.templates });
      this.host.index.setFile(uri, extractResources(uri, model));
      if (this.host.crds.setFile(uri, model)) this.host.crdsChanged();
      return undefined;
    } catch (e) {
      this.forget(uri);
      return String(e);
    }
  }

  private forget(uri: string): void {
    this.host.index.removeFile(uri);
    if (this.host.crds.removeFile(uri)) this.host.crdsChanged();
  }
}
