import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { YamlFile } from '../model/yamlFile';
import type { ModelCache } from '../service/modelCache';
import type { Settings } from '../service/settings';

/** What the open-document models need from the server. */
export interface OpenModelsDeps {
  documents: TextDocuments<TextDocument>;
  models: ModelCache;
  settings(uri: string): Promise<Settings>;
  /** Records a document's new model in the workspace index and CRD catalog. */
  publish(uri: string, file: YamlFile): void;
  /** Milliseconds of quiet after an edit before the index is brought up to date without a request. */
  delayMs?: number;
}

/**
 * The parsed models of open documents, built lazily: an edit only marks its document stale, so a burst
 * of edits costs one parse. Before any request is served every stale document is parsed and published
 * to the workspace index, so requests see exactly the state they would after each edit.
 */
export class OpenModels {
  private readonly stale = new Set<string>();
  private readonly published = new Map<string, YamlFile>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: OpenModelsDeps) {}

  /** Marks an open document as edited; it is parsed on the next request or after a short pause. */
  changed(uri: string): void {
    this.stale.add(uri);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush().catch(() => undefined), this.deps.delayMs ?? 50);
  }

  /** The model and settings of an open document at its current version, after publishing every stale one. */
  async model(doc: TextDocument): Promise<{ file: YamlFile; settings: Settings }> {
    await this.flush();
    return this.build(doc);
  }

  /** Parses and publishes every stale open document, asking for their settings together first. */
  async flush(): Promise<void> {
    const uris = [...this.stale];
    if (uris.length > 1) await Promise.all(uris.map((uri) => this.deps.settings(uri)));
    for (const uri of uris) {
      this.stale.delete(uri);
      const doc = this.deps.documents.get(uri);
      if (doc) await this.build(doc);
    }
  }

  /** Forgets a closed document. */
  closed(uri: string): void {
    this.stale.delete(uri);
    this.published.delete(uri);
  }

  private async build(doc: TextDocument): Promise<{ file: YamlFile; settings: Settings }> {
    const settings = await this.deps.settings(doc.uri);
    const file = this.deps.models.get(doc.uri, doc.getText(), doc.version, settings.templates, settings.limits);
    if (this.published.get(doc.uri) !== file && this.deps.documents.get(doc.uri)) {
      this.published.set(doc.uri, file);
      this.deps.publish(doc.uri, file);
    }
    return { file, settings };
  }
}
