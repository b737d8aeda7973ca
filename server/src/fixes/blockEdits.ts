import { isMap, isScalar, isSeq, Lexer, type Node, type Pair, type YAMLMap } from 'yaml';
import { findPair, scalarText } from '../model/nodes';
import type { DocumentEditor, Edit } from './edits';
import { renderMap, renderSeq, scalarSource, type YValue } from './style';

function isObject(v: YValue): v is { [key: string]: YValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A value in flow style (`{a: 1, b: [x]}`), for replacing a flow collection in place. */
export function flowText(value: YValue): string {
  if (Array.isArray(value)) return `[${value.map(flowText).join(', ')}]`;
  if (isObject(value)) return `{${Object.entries(value).map(([k, v]) => `${scalarSource(k)}: ${flowText(v)}`).join(', ')}}`;
  return scalarSource(value);
}

/** The document line a document-relative offset is on. */
function lineOf(editor: DocumentEditor, offset: number): number {
  return editor.file.lines().positionAt(editor.abs(offset)).line;
}

/**
 * Replaces a pair's collection value with `value`: a flow collection in place and in flow style, a
 * block one by whole lines at its own column, keeping the comments it held as lines of their own.
 * Undefined for scalars, aliases, and a block value that starts on its key's line.
 */
export function replaceValue(editor: DocumentEditor, pair: Pair, value: YValue): Edit[] | undefined {
  const node = pair.value as Node | null;
  const key = pair.key as Node | null;
  if (!(isMap(node) || isSeq(node)) || !node.range || !key?.range || typeof value !== 'object' || value === null) return undefined;
  if (node.flow) return [{ start: editor.abs(node.range[0]), end: editor.abs(node.range[1]), text: flowText(value) }];
  if (lineOf(editor, node.range[0]) === lineOf(editor, key.range[0])) return undefined;
  const start = editor.file.lines().starts[lineOf(editor, node.range[0])];
  if (editor.text.slice(start, editor.abs(node.range[0])).trim()) return undefined;
  const column = editor.column(node);
  const { at } = editor.lineAfter(node.range[1]);
  const pad = ' '.repeat(column);
  const kept = [...new Lexer().lex(editor.text.slice(start, at))].filter((t) => t.startsWith('#')).map((c) => pad + c);
  const body = Array.isArray(value) ? renderSeq(value, column, editor.style) : renderMap(value, column, editor.style);
  return [{ start, end: at, text: [...kept, ...body].join(editor.style.eol) + editor.style.eol }];
}

/** Renames a pair's key, keeping its quoting; undefined when the mapping already has the new key. */
export function renameKey(editor: DocumentEditor, map: YAMLMap, pair: Pair, name: string): Edit[] | undefined {
  const key = pair.key as Node | null;
  if (!isScalar(key) || findPair(map, name)) return undefined;
  return editor.setScalar(key, name);
}

/**
 * Inserts keys before the pair named `before` of a block mapping (at its column, on lines of their
 * own); undefined when that pair does not start its line.
 */
export function insertBefore(editor: DocumentEditor, map: YAMLMap, before: string, value: { [key: string]: YValue }): Edit[] | undefined {
  const pair = map.items.find((p) => scalarText(p.key) === before);
  const key = pair?.key as Node | undefined;
  if (map.flow || !key?.range) return undefined;
  const line = lineOf(editor, key.range[0]);
  const lines = editor.file.lines();
  if (editor.text.slice(lines.starts[line], editor.abs(key.range[0])).trim()) return undefined;
  return editor.insertLines(line - editor.placed.startLine, renderMap(value, editor.column(key), editor.style));
}
