import { isMap, isScalar, isSeq, Lexer, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { scalarText } from '../model/nodes';
import type { PlacedDocument } from '../model/yamlDocument';
import type { YamlFile } from '../model/yamlFile';
import { renderMap, renderSeq, scalarSource, type TextStyle, type YValue } from './style';

/** A replacement of file offsets `[start, end)` by `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
  /** The same text as an LSP snippet (`${1:/healthz}` tab stops), for clients that accept snippet edits. */
  snippet?: string;
}

/** Applies edits to a text; edits at the same offset land in the order given. Throws on overlaps. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i);
  let out = '';
  let at = 0;
  for (const { e } of sorted) {
    if (e.start < at) throw new Error('overlapping edits');
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

function isObject(v: YValue): v is { [key: string]: YValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Minimal, format-preserving edits inside one YAML document of a file: every method returns the
 * edits or undefined when the structure is not one it can edit safely (flow collections, aliases,
 * empty values), so callers offer no fix rather than a wrong one.
 */
export class DocumentEditor {
  readonly text: string;

  constructor(readonly file: YamlFile, readonly placed: PlacedDocument, readonly style: TextStyle) {
    this.text = file.text;
  }

  /** File offset of a document-relative offset. */
  abs(offset: number): number {
    return this.placed.offset + offset;
  }

  /** The column a node starts at. */
  column(node: Node): number {
    return this.file.lines().positionAt(this.abs(node.range![0])).character;
  }

  /** File offset of the start of the line after the last non-blank character before `docEnd`. */
  lineAfter(docEnd: number): { at: number; eol: string } {
    let i = this.abs(docEnd) - 1;
    while (i > this.placed.offset && /[ \t\r\n]/.test(this.text[i])) i--;
    const nl = this.text.indexOf('\n', i);
    return nl === -1 ? { at: this.text.length, eol: this.style.eol } : { at: nl + 1, eol: '' };
  }

  private block(lines: string[], docEnd: number): Edit {
    const { at, eol } = this.lineAfter(docEnd);
    return { start: at, end: at, text: eol + lines.join(this.style.eol) + this.style.eol };
  }

  /** Replaces a scalar's value, keeping its quoting when the new value is a string. */
  setScalar(node: Scalar, value: YValue): Edit[] | undefined {
    if (!node.range) return undefined;
    let source = scalarSource(value);
    if (typeof value === 'string' && node.type === 'QUOTE_DOUBLE') source = JSON.stringify(value);
    else if (typeof value === 'string' && node.type === 'QUOTE_SINGLE') source = `'${value.replace(/'/g, "''")}'`;
    else if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') return undefined;
    return [{ start: this.abs(node.range[0]), end: this.abs(node.range[1]), text: source }];
  }

  /**
   * Makes a block mapping hold `value`: missing keys are inserted together (after the pair named
   * `after` when it exists, else after the last pair), nested mappings are merged, differing
   * scalars are replaced and missing sequence items appended.
   */
  merge(map: unknown, value: { [key: string]: YValue }, after?: string): Edit[] | undefined {
    if (!isMap(map) || map.flow || !map.items.length || !map.range) return undefined;
    const edits: Edit[] = [];
    const missing: { [key: string]: YValue } = {};
    for (const [key, want] of Object.entries(value)) {
      const pair = map.items.find((p) => scalarText(p.key) === key);
      if (!pair) {
        missing[key] = want;
        continue;
      }
      const have = pair.value as Node | null;
      let more: Edit[] | undefined;
      if (isObject(want)) more = this.merge(have, want);
      else if (Array.isArray(want)) more = isSeq(have) ? this.appendItems(have, want) : undefined;
      else if (isScalar(have) && have.range && have.source !== '' && have.value !== null) more = scalarText(have) === String(want) && typeof have.value === typeof want ? [] : this.setScalar(have, want);
      if (!more) return undefined;
      edits.push(...more);
    }
    if (Object.keys(missing).length) {
      const first = map.items[0].key as Node;
      if (!first?.range) return undefined;
      const anchor = after ? map.items.find((p) => scalarText(p.key) === after) : undefined;
      const end = anchor ? pairEnd(anchor) : map.range[1];
      if (end === undefined) return undefined;
      edits.push(this.block(renderMap(missing, this.column(first), this.style), end));
    }
    return edits;
  }

  /** Appends the items a sequence lacks (compared as text). */
  appendItems(seq: YAMLSeq, items: YValue[]): Edit[] | undefined {
    const have = new Set(seq.items.map((i) => scalarText(i)));
    const add = items.filter((i) => typeof i === 'object' || !have.has(String(i)));
    if (!add.length) return [];
    if (!seq.range) return undefined;
    if (seq.flow) {
      const close = this.text.lastIndexOf(']', this.abs(seq.range[1]));
      if (close < this.abs(seq.range[0])) return undefined;
      const text = add.map((i) => scalarSource(i)).join(', ');
      return [{ start: close, end: close, text: seq.items.length ? `, ${text}` : text }];
    }
    const first = seq.items[0] as Node | undefined;
    if (!first?.range) return undefined;
    const line = this.file.lines().lineText(this.file.lines().positionAt(this.abs(first.range[0])).line);
    const dash = line.search(/-(\s|$)/);
    if (dash === -1) return undefined;
    return [this.block(renderSeq(add, dash, this.style), seq.range[1])];
  }

  /** Removes a pair's lines, keeping any comment on them as a line of its own. */
  removePair(map: YAMLMap, pair: Pair): Edit[] | undefined {
    return map.items.length < 2 ? undefined : this.replaceLines(map, pair.key as Node, pairEnd(pair), () => []);
  }

  /** Replaces a pair's lines by the block mapping `value` at the pair's column, keeping any comment on them as a line of its own. */
  replacePair(map: YAMLMap, pair: Pair, value: { [key: string]: YValue }): Edit[] | undefined {
    return this.replaceLines(map, pair.key as Node, pairEnd(pair), (column) => renderMap(value, column, this.style));
  }

  /** Removes an item of a sequence that keeps at least one other item: its lines (comments kept) or, in flow style, its text and comma. */
  removeItem(seq: YAMLSeq, item: unknown): Edit[] | undefined {
    const index = seq.items.indexOf(item as Node);
    const node = item as Node | undefined;
    if (index === -1 || seq.items.length < 2 || !node?.range) return undefined;
    if (seq.flow) {
      const next = seq.items[index + 1] as Node | undefined;
      const prev = seq.items[index - 1] as Node | undefined;
      const [from, to] = next?.range ? [node.range[0], next.range[0]] : prev?.range ? [prev.range[1], node.range[1]] : [];
      if (from === undefined || to === undefined || /[#\n]/.test(this.text.slice(this.abs(from), this.abs(to)))) return undefined;
      return [{ start: this.abs(from), end: this.abs(to), text: '' }];
    }
    const lines = this.file.lines();
    const at = this.abs(node.range[0]);
    const start = lines.starts[lines.positionAt(at).line];
    if (!/^\s*-\s+$/.test(this.text.slice(start, at))) return undefined;
    return this.cut(start, node.range[1], this.text.indexOf('-', start) - start, []);
  }

  private replaceLines(map: YAMLMap, key: Node | null, end: number | undefined, lines: (column: number) => string[]): Edit[] | undefined {
    if (map.flow || !key?.range || end === undefined) return undefined;
    const all = this.file.lines();
    const keyAt = this.abs(key.range[0]);
    const start = all.starts[all.positionAt(keyAt).line];
    if (this.text.slice(start, keyAt).trim()) return undefined;
    return this.cut(start, end, keyAt - start, lines(keyAt - start));
  }

  private cut(start: number, docEnd: number, column: number, replacement: string[]): Edit[] {
    const { at } = this.lineAfter(docEnd);
    const pad = ' '.repeat(column);
    const comments = [...new Lexer().lex(this.text.slice(start, at))].filter((t) => t.startsWith('#'));
    const kept = [...comments.map((c) => pad + c), ...replacement].map((l) => l + this.style.eol).join('');
    return [{ start, end: at, text: kept }];
  }

  /** Inserts whole lines before a document-relative line. */
  insertLines(docLine: number, lines: string[]): Edit[] {
    const at = this.file.lines().starts[this.placed.startLine + docLine] ?? this.text.length;
    return [{ start: at, end: at, text: lines.join(this.style.eol) + this.style.eol }];
  }

  /** Appends a new YAML document (`---` and the mapping) right after this one. */
  appendDocument(value: { [key: string]: YValue }): Edit[] {
    const end = this.placed.offset + this.placed.doc.text.length;
    const lead = end > 0 && this.text[end - 1] !== '\n' ? this.style.eol : '';
    const body = ['---', ...renderMap(value, 0, this.style)].join(this.style.eol) + this.style.eol;
    return [{ start: end, end, text: lead + body }];
  }
}

/** Document-relative end of a pair's value (or key when it has none). */
export function pairEnd(pair: Pair): number | undefined {
  return (pair.value as Node | null)?.range?.[1] ?? (pair.key as Node | null)?.range?.[1];
}

/** One edit turning `before` into `after`: the changed middle between their common prefix and suffix. */
export function diffEdit(before: string, after: string): Edit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let tail = 0;
  while (tail < before.length - start && tail < after.length - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { start, end: before.length - tail, text: after.slice(start, after.length - tail) };
}
