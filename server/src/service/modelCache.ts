import type { FileLimits } from '../model/limits';
import type { TemplateMode } from '../model/templates';
import { parseYamlFile, type YamlFile } from '../model/yamlFile';

/** How much the models of closed documents may hold: their texts' total length, and their number. */
export interface ClosedBudget {
  chars: number;
  files: number;
}

/**
 * The default budget: 2 Mi characters of text (the models take fifteen to twenty times that in memory) in at most 128
 * files, enough to reopen a folder of manifests, or one file as large as argo-cd's install bundle.
 */
export const RECENTLY_CLOSED: ClosedBudget = { chars: 2 * 1024 * 1024, files: 128 };

/**
 * The parsed model of each open document, by URI. A text is parsed once per version; a new version
 * reuses the previous one's unchanged YAML documents. The most recently closed documents keep their
 * model within a budget, and reopening one with the same text reuses every YAML document of it (and
 * so the findings cached on them).
 */
export class ModelCache {
  private readonly files = new Map<string, YamlFile>();
  private readonly closed = new Map<string, YamlFile>();
  private closedChars = 0;

  constructor(private readonly budget: ClosedBudget = RECENTLY_CLOSED) {}

  /** The model of a document at a version, parsing only what changed since the cached one (the cache is cleared when `limits` change). */
  get(uri: string, text: string, version: number | undefined, templates: TemplateMode, limits?: FileLimits): YamlFile {
    const previous = this.files.get(uri) ?? this.takeClosed(uri);
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

  /** Moves a closed document's model to the recently-closed ones, dropping the oldest beyond the budget. */
  delete(uri: string): void {
    const file = this.files.get(uri);
    this.files.delete(uri);
    if (!file) return;
    this.takeClosed(uri);
    this.closed.set(uri, file);
    this.closedChars += file.text.length;
    for (const [oldest, model] of this.closed) {
      if (this.closedChars <= this.budget.chars && this.closed.size <= this.budget.files) break;
      this.closed.delete(oldest);
      this.closedChars -= model.text.length;
    }
  }

  /** Forgets every model (after settings that change parsing). */
  clear(): void {
    this.files.clear();
    this.closed.clear();
    this.closedChars = 0;
  }

  private takeClosed(uri: string): YamlFile | undefined {
    const file = this.closed.get(uri);
    if (file) {
      this.closed.delete(uri);
      this.closedChars -= file.text.length;
    }
    return file;
  }
}
