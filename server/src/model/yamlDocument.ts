import { isMap, parseDocument, type Document, type Node } from 'yaml';
import { fastParse } from './fastYaml';
import { LineIndex } from './lines';
import { Anchors, isMergeKey, scalarText, walk } from './nodes';
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

/** How every YAML document is parsed: YAML 1.1 as Kubernetes reads it, duplicate keys left to {@link duplicateKeys}. */
export const PARSE_OPTIONS = { version: '1.1', prettyErrors: false, uniqueKeys: false, strict: false } as const;

/**
 * Parses one YAML document as Kubernetes reads it (YAML 1.1: `on`/`yes` booleans, `0755` octal,
 * `<<` merge keys). Aliases are never expanded here; walkers resolve them with a hop limit. The block
 * YAML most manifests are written in takes the fast parser; anything else the `yaml` library's own.
 */
export function parseYamlDocument(text: string, options: ParseOptions): YamlDocument {
  const { ast, plain, repeatsKeys } = parseText(text);
  const anchors = plain ? new Anchors() : new Anchors(ast);
  const problems: ParseProblem[] = [];
  if (options.reportSyntax) {
    for (const e of ast.errors) problems.push({ ruleId: 'syntax', code: e.code, span: errorSpan(text, e.pos), detail: e.message.split('\n')[0] });
    if (repeatsKeys) problems.push(...duplicateKeys(ast.contents));
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

/** A parsed text and what its parse proves, so that callers skip the tree walks it makes needless. */
export interface ParsedText {
  ast: Document.Parsed;
  /** True when the tree holds no anchors, aliases or tags. */
  plain: boolean;
  /** False when no mapping repeats a key; true when some may. */
  repeatsKeys: boolean;
}

/** Parses one YAML text with {@link PARSE_OPTIONS}: the fast parser when it takes the text, else the `yaml` library. */
export function parseText(text: string): ParsedText {
  const fast = fastParse(text, PARSE_OPTIONS);
  return fast ? { ast: fast.ast, plain: true, repeatsKeys: fast.repeatsKeys } : { ast: parseDocument(text, PARSE_OPTIONS), plain: false, repeatsKeys: true };
}

function errorSpan(text: string, pos: [number, number]): [number, number] {
  const end = text.trimEnd().length;
  if (pos[0] < end) return [pos[0], Math.max(pos[1], pos[0] + 1)];
  return [Math.max(0, end - 1), Math.max(end, 1)];
}

/** Repeated keys of every mapping below `root`, in linear time. */
export function duplicateKeys(root: unknown): ParseProblem[] {
  const found: ParseProblem[] = [];
  walk(root, (node) => {
    if (!isMap(node)) return;
    const seen = new Set<string>();
    for (const pair of node.items) {
      if (isMergeKey(pair.key)) continue;
      const key = scalarText(pair.key);
      if (key === undefined) continue;
      if (seen.has(key)) {
        const r = (pair.key as Node).range ?? [0, 1];
        found.push({ ruleId: 'duplicate-key', code: 'DUPLICATE_KEY', span: [r[0], r[1]], detail: key, key });
      }
      seen.add(key);
    }
  });
  return found;
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
