import type { FileLimits } from '../model/limits';
import type { TemplateMode } from '../model/templates';
import { parseYamlFile, type YamlFile } from '../model/yamlFile';

/** How many closed documents keep their model, so that reopening one does not parse it again. */
export const RECENTLY_CLOSED = 4;

/**
 * The parsed model of each open document, by URI. A text is parsed once per version; a new version
 * reuses the previous one's unchanged YAML documents. The last few closed documents keep their model,
 * and reopening one with the same text reuses every YAML document of it.
 */
export class ModelCache {
  private readonly files = new Map<string, YamlFile>();
  private readonly closed = new Map<string, YamlFile>();

  /** The model of a document at a version, parsing only what changed since the cached one (the cache is cleared when `limits` change). */
  get(uri: string, text: string, version: number | undefined, templates: TemplateMode, limits?: FileLimits): YamlFile {
    const previous = this.files.get(uri) ?? this.closed.get(uri);
    this.closed.delete(uri);
    if (previous && previous.version === version && version !== undefined && previous.text === text && previous.templateMode === templates) {
      this.files.set(uri, previous);
      return previous;
    }
    const file = parseYamlFile(text, { templates, version, incremental: true, limits }, previous);
    this.files.set(uri, file);
    return file;
  }

  /** The cached model of a document, whatever its version. */
  peek(uri: string): YamlFile | undefined {
    return this.files.get(uri);
  }

  /** Moves a closed document's model to the recently-closed list, dropping the oldest beyond the limit. */
  delete(uri: string): void {
    const file = this.files.get(uri);
    this.files.delete(uri);
    if (!file) return;
    this.closed.set(uri, file);
    for (const oldest of this.closed.keys()) {
      if (this.closed.size <= RECENTLY_CLOSED) break;
      this.closed.delete(oldest);
    }
  }

  /** Forgets every model (after settings that change parsing). */
  clear(): void {
    this.files.clear();
    this.closed.clear();
  }
}
