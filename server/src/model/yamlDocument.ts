import { parseDocument, type Document } from 'yaml';
import { LineIndex } from './lines';
import { Anchors } from './nodes';
import { findResources, type Resource } from './resource';
import type { Position, Range } from './types';

/** A problem the parser found, with document-relative offsets. */
export interface ParseProblem {
  /** `duplicate-key` for a repeated mapping key, `syntax` for everything else. */
  ruleId: 'syntax' | 'duplicate-key';
  /** The `yaml` library's error code, or `UNRESOLVED_ALIAS`. */
  code: string;
  span: [number, number];
  /** The parser's own wording, shown as technical detail. */
  detail: string;
  /** For duplicate keys: the key. */
  key?: string;
}

/**
 * One parsed YAML document. It depends only on its own text, so an unchanged document is reused
 * as is after edits elsewhere in the file; positions inside it are relative to its first line.
 */
export interface YamlDocument {
  readonly text: string;
  readonly ast: Document.Parsed;
  readonly anchors: Anchors;
  readonly lines: LineIndex;
  readonly resources: Resource[];
  readonly problems: ParseProblem[];
  /** Results of later analyses of this text, keyed by analysis and settings. */
  readonly memo: Map<string, unknown>;
}

/** Options that change how a document parses. */
export interface ParseOptions {
  /** Report parser problems (off for masked template files, whose syntax is the template's). */
  reportSyntax: boolean;
}

/**
 * Parses one YAML document as Kubernetes reads it (YAML 1.1: `on`/`yes` booleans, `0755` octal,
 * `<<` merge keys). Aliases are never expanded here; walkers resolve them with a hop limit.
 */
export function parseYamlDocument(text: string, options: ParseOptions): YamlDocument {
  const ast = parseDocument(text, { version: '1.1', prettyErrors: false, uniqueKeys: true, strict: false });
  const anchors = new Anchors(ast);
  const problems: ParseProblem[] = [];
  if (options.reportSyntax) {
    for (const e of ast.errors) {
      const span = errorSpan(text, e.pos);
      if (e.code === 'DUPLICATE_KEY') {
        const key = keyAt(text, span[0]);
        problems.push({ ruleId: 'duplicate-key', code: e.code, span: [span[0], span[0] + key.length], detail: e.message, key: key.name });
      } else problems.push({ ruleId: 'syntax', code: e.code, span, detail: e.message.split('\n')[0] });
    }
    for (const alias of anchors.unresolved) {
      const r = alias.range ?? [0, 1];
      problems.push({ ruleId: 'syntax', code: 'UNRESOLVED_ALIAS', span: [r[0], r[1]], detail: `*${alias.source}`, key: alias.source });
    }
  }
  return {
    text,
    ast,
    anchors,
    lines: new LineIndex(text),
    resources: findResources(ast, anchors),
    problems,
    memo: new Map(),
  };
}

function errorSpan(text: string, pos: [number, number]): [number, number] {
  const end = text.trimEnd().length;
  if (pos[0] < end) return [pos[0], Math.max(pos[1], pos[0] + 1)];
  return [Math.max(0, end - 1), Math.max(end, 1)];
}

function keyAt(text: string, at: number): { name: string; length: number } {
  const eol = text.indexOf('\n', at);
  const line = text.slice(at, eol === -1 ? undefined : eol);
  const m = /^("[^"]*"|'[^']*'|[^:#\r]+?)\s*:/.exec(line);
  if (!m) return { name: line.trim().slice(0, 40), length: 1 };
  return { name: m[1].replace(/^["']|["']$/g, ''), length: m[1].length };
}

/** A YAML document placed in its file: where it starts and its index among the file's documents. */
export interface PlacedDocument {
  readonly doc: YamlDocument;
  /** Index among the file's non-empty documents (0-based), as the CLI's `document` field. */
  readonly index: number;
  /** File offset of the document's first character. */
  readonly offset: number;
  /** File line of the document's first line. */
  readonly startLine: number;
}

/** Converts a document-relative offset to a file position. */
export function filePosition(placed: PlacedDocument, offset: number): Position {
  const p = placed.doc.lines.positionAt(offset);
  return { line: p.line + placed.startLine, character: p.character };
}

/** Converts document-relative `[start, end)` offsets to a file range. */
export function fileRange(placed: PlacedDocument, span: readonly [number, number]): Range {
  return { start: filePosition(placed, span[0]), end: filePosition(placed, span[1]) };
}

/** Converts a file position to a document-relative offset, if the position is inside the document. */
export function documentOffset(placed: PlacedDocument, pos: Position): number | undefined {
  const line = pos.line - placed.startLine;
  if (line < 0 || line >= placed.doc.lines.lineCount) return undefined;
  return placed.doc.lines.offsetAt({ line, character: pos.character });
}
