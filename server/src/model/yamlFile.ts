import { LineIndex } from './lines';
import { countLines, hasContent, splitDocuments } from './split';
import { isTemplate, maskTemplates, type TemplateMode } from './templates';
import { INCREMENTAL_MIN_SIZE, reparseInPlace } from './incremental';
import { ResourceBudget, uncapped, wholeFileLimit, type FileLimits, type LimitHit } from './limits';
import { parseYamlDocument, type PlacedDocument, type YamlDocument } from './yamlDocument';
import { ownString, type Position } from './types';

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
  /** The size limit the file went over: all of it, or the documents past `line`, was not parsed. */
  readonly limited?: LimitHit;
  /** The file's line index, built on first use. */
  lines(): LineIndex;
}

/** Options for building a file model. */
export interface FileOptions {
  templates: TemplateMode;
  version?: number;
  /**
   * The previous model is discarded after this call (an editor's next version): a large document
   * changed by a small edit is re-parsed around the edit, reusing and updating the previous tree.
   */
  incremental?: boolean;
  /** Size limits; a file over one is not parsed, or only its first documents are. */
  limits?: FileLimits;
}

/**
 * Builds the model of a file. Documents whose text is unchanged from `previous` are reused, so an
 * edit re-parses only the YAML documents it touched.
 */
export function parseYamlFile(text: string, options: FileOptions, previous?: YamlFile): YamlFile {
  const template = isTemplate(text);
  let limited = options.limits && wholeFileLimit(text, options.limits);
  const skip = (template && options.templates === 'ignore') || !!limited;
  const masked: [number, number][] = [];
  const source = template && !skip ? maskTemplates(text, masked) : text;
  const reuse = new Map<string, YamlDocument>();
  if (previous && previous.template === template && previous.templateMode === options.templates) {
    for (const d of previous.documents) reuse.set(d.doc.text, d.doc);
  }
  const documents: PlacedDocument[] = [];
  let reparsed = 0;
  if (!skip) {
    const slices = splitDocuments(source).filter((s) => hasContent(source.slice(s.start, s.end)));
    const budget = new ResourceBudget(options.limits);
    const counterpart = options.incremental && previous && reuse.size && previous.documents.length === slices.length ? previous.documents : undefined;
    const elsewhere = (t: string) => slices.some((s) => s.end - s.start === t.length && source.startsWith(t, s.start));
    let startLine = 0;
    let counted = 0;
    for (const slice of slices) {
      startLine += countLines(source, counted, slice.start);
      if (!budget.admits(startLine)) break;
      const raw = source.slice(slice.start, slice.end);
      let doc = uncapped(reuse.get(raw));
      if (!doc) {
        const prior = uncapped(counterpart?.[documents.length]?.doc);
        const text = raw.length === source.length ? raw : ownString(raw);
        const owned = prior && prior.text.length >= INCREMENTAL_MIN_SIZE && !elsewhere(prior.text) ? prior : undefined;
        doc = (owned && reparseInPlace(owned, text, !template)) ?? parseYamlDocument(text, { reportSyntax: !template });
        reparsed++;
      }
      documents.push({ doc: budget.take(doc, startLine), index: documents.length, offset: slice.start, startLine });
      startLine += doc.lines.lineCount - 1;
      counted = slice.end;
    }
    limited = budget.hit;
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
    limited,
    lines: () => (lines ??= new LineIndex(text)),
  };
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
