import type { TemplateMode } from '../model/templates';
import { parseYamlFile, type YamlFile } from '../model/yamlFile';

/**
 * The parsed model of each open document, by URI. A text is parsed once per version; a new version
 * reuses the previous one's unchanged YAML documents.
 */
export class ModelCache {
  private readonly files = new Map<string, YamlFile>();

  /** The model of a document at a version, parsing only what changed since the cached one. */
  get(uri: string, text: string, version: number | undefined, templates: TemplateMode): YamlFile {
    const previous = this.files.get(uri);
    if (previous && previous.version === version && version !== undefined && previous.text === text && previous.templateMode === templates) {
      return previous;
    }
    const file = parseYamlFile(text, { templates, version }, previous);
    this.files.set(uri, file);
    return file;
  }

  /** The cached model of a document, whatever its version. */
  peek(uri: string): YamlFile | undefined {
    return this.files.get(uri);
  }

  /** Forgets a closed document. */
  delete(uri: string): void {
    this.files.delete(uri);
  }

  /** Forgets every model (after settings that change parsing). */
  clear(): void {
    this.files.clear();
  }
}
