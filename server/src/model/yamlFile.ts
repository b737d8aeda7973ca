import { LineIndex } from './lines';
import { hasContent, splitDocuments } from './split';
import { isTemplate, maskTemplates, type TemplateMode } from './templates';
import { parseYamlDocument, type PlacedDocument, type YamlDocument } from './yamlDocument';
import type { Position } from './types';

/** A whole YAML file: its text and its non-empty documents, each parsed once per distinct text. */
export interface YamlFile {
  readonly text: string;
  /** The editor's document version, when there is one. */
  readonly version: number | undefined;
  /** True when the text holds Go/Helm template actions. */
  readonly template: boolean;
  /** How the template was treated; `ignore` means no document was analysed. */
  readonly templateMode: TemplateMode;
  readonly documents: readonly PlacedDocument[];
  /** File offsets `[start, end)` of masked template actions (bestEffort mode), where findings are not trusted. */
  readonly masked: readonly (readonly [number, number])[];
  /** How many documents were parsed anew (the rest were reused from the previous version). */
  readonly reparsed: number;
  /** The file's line index, built on first use. */
  lines(): LineIndex;
}

/** Options for building a file model. */
export interface FileOptions {
  templates: TemplateMode;
  version?: number;
}

/**
 * Builds the model of a file. Documents whose text is unchanged from `previous` are reused, so an
 * edit re-parses only the YAML documents it touched.
 */
export function parseYamlFile(text: string, options: FileOptions, previous?: YamlFile): YamlFile {
  const template = isTemplate(text);
  const skip = template && options.templates === 'ignore';
  const masked: [number, number][] = [];
  const source = template && !skip ? maskTemplates(text, masked) : text;
  const reuse = new Map<string, YamlDocument>();
  if (previous && previous.template === template && previous.templateMode === options.templates) {
    for (const d of previous.documents) reuse.set(d.doc.text, d.doc);
  }
  const documents: PlacedDocument[] = [];
  let reparsed = 0;
  if (!skip) {
    for (const slice of splitDocuments(source)) {
      const raw = source.slice(slice.start, slice.end);
      if (!hasContent(raw)) continue;
      let doc = reuse.get(raw);
      if (!doc) {
        doc = parseYamlDocument(flatCopy(raw), { reportSyntax: !template });
        reparsed++;
      }
      documents.push({ doc, index: documents.length, offset: slice.start, startLine: slice.startLine });
    }
  }
  let lines: LineIndex | undefined;
  return {
    text,
    version: options.version,
    template,
    templateMode: options.templates,
    documents,
    masked,
    reparsed,
    lines: () => (lines ??= new LineIndex(text)),
  };
}

/** A copy of a string that does not keep the file text it was sliced from alive. */
function flatCopy(s: string): string {
  return s.length < 64 ? s : Buffer.from(s, 'utf8').toString('utf8');
}

/** The document holding a file position, if any. */
export function documentAt(file: YamlFile, pos: Position): PlacedDocument | undefined {
  let lo = 0;
  let hi = file.documents.length - 1;
  let found: PlacedDocument | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (file.documents[mid].startLine <= pos.line) {
      found = file.documents[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (!found) return undefined;
  const lines = found.doc.lines.lineCount - (found.doc.text.endsWith('\n') ? 1 : 0);
  return pos.line - found.startLine < lines ? found : undefined;
}
