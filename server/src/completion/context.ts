import type { Position, Range } from '../model/types';
import { indentOf, lineShape, parentPath, unquote } from './lineShape';

/** What is being written at the cursor, read from the text (the parse of incomplete YAML often cannot say). */
export interface CursorContext {
  /** `key`: a mapping key; `value`: the value of `key`; `item`: a sequence item (scalar or a new mapping). */
  mode: 'key' | 'value' | 'item';
  /** Path from the document root to the mapping (key mode), the key's mapping (value mode) or the item (item mode). */
  path: (string | number)[];
  /** The key whose value is written (value mode). */
  key?: string;
  /** What is already typed of the key or value. */
  prefix: string;
  /** The range the typed text occupies, which a completion replaces. */
  range: Range;
  /** Keys already present in the mapping at the cursor. */
  siblings: Set<string>;
  /** Column of the keys of this mapping (block style), for indenting inserted children. */
  column: number;
  /** Indentation of the cursor line (editors indent inserted lines by it). */
  lineIndent: number;
  /** True inside `{…}` or `[…]`. */
  flow: boolean;
}

/** The text of a file's lines, limited to the YAML document around a line. */
export interface LineSource {
  lineAt(line: number): string;
  lineCount: number;
  /** Leading spaces of a line, without building its text (the scans above the cursor ask for many lines). */
  indentAt?(line: number): number;
  /** First and last line of the YAML document around the cursor, when the caller knows them. */
  first?: number;
  last?: number;
}

/** First line of the YAML document holding `line` (after the nearest `---` above). */
function documentFirstLine(src: LineSource, line: number): number {
  if (src.first !== undefined) return src.first;
  for (let l = line - 1; l >= 0; l--) if (/^(---|\.\.\.)(\s|$)/.test(src.lineAt(l))) return l + 1;
  return 0;
}

function documentLastLine(src: LineSource, line: number): number {
  if (src.last !== undefined) return src.last;
  for (let l = line + 1; l < src.lineCount; l++) if (/^(---|\.\.\.)(\s|$)/.test(src.lineAt(l))) return l - 1;
  return src.lineCount - 1;
}

const clean = (s: string) => (s.endsWith('\r') ? s.slice(0, -1) : s);

/** Reads the cursor's context from the text around it (block style by indentation, flow style by brackets). */
export function cursorContext(src: LineSource, pos: Position): CursorContext | undefined {
  const first = documentFirstLine(src, pos.line);
  const line = clean(src.lineAt(pos.line));
  const before = line.slice(0, pos.character);
  if (/^(---|\.\.\.)/.test(before) || /(^|\s)#/.test(before.replace(/"[^"]*"|'[^']*'/g, ''))) return undefined;
  return flowContext(src, pos, first) ?? blockContext(src, pos, first, before);
}

function blockContext(src: LineSource, pos: Position, first: number, before: string): CursorContext {
  const shape = lineShape(before);
  const rest = before.slice(shape.contentCol);
  const column = shape.dashes.length || rest ? shape.contentCol : before.length;
  const path = parentPath((l) => src.lineAt(l), pos.line, shape.dashes.length ? shape.dashes[0] + 1 : column, first, src.indentAt);
  for (let i = 1; i < shape.dashes.length; i++) path.push(0);
  if (shape.dashes.length) path.push(0);
  const valueMatch = /^("[^"]*"|'[^']*'|[^\s#:{}[\],'"][^#]*?)\s*:\s+(.*)$/.exec(rest);
  const range = (from: number): Range => ({ start: { line: pos.line, character: from }, end: pos });
  if (valueMatch) {
    const prefix = valueMatch[2];
    return { mode: 'value', path, key: unquote(valueMatch[1].trim()), prefix, range: range(pos.character - prefix.length), siblings: new Set(), column, lineIndent: shape.indent, flow: false };
  }
  const siblings = blockSiblings(src, pos.line, column, first, shape.dashes.length > 0);
  const mode = shape.dashes.length && !rest.includes(':') ? 'item' : 'key';
  return { mode, path, prefix: rest, range: range(pos.character - rest.length), siblings, column, lineIndent: rest || shape.dashes.length ? shape.indent : column, flow: false };
}

/** Keys at `column` in the same block mapping as `line` (a new `- ` item starts its own mapping). */
function blockSiblings(src: LineSource, line: number, column: number, first: number, newItem: boolean): Set<string> {
  const out = new Set<string>();
  const last = documentLastLine(src, line);
  const indentAt = src.indentAt ?? ((l: number) => indentOf(src.lineAt(l)));
  if (!newItem) {
    for (let l = line - 1; l >= first; l--) {
      if (indentAt(l) > column) continue;
      const s = lineShape(src.lineAt(l));
      if (s.empty) continue;
      if (s.key !== undefined && s.contentCol === column) {
        out.add(s.key);
        if (s.dashes.length) break;
      } else if (s.indent < column) break;
    }
  }
  for (let l = line + 1; l <= last; l++) {
    if (indentAt(l) > column) continue;
    const s = lineShape(src.lineAt(l));
    if (s.empty) continue;
    if (s.indent < column) break;
    if (s.key !== undefined && s.contentCol === column && !s.dashes.length) out.add(s.key);
  }
  return out;
}

interface Frame {
  type: 'map' | 'seq';
  keys: Set<string>;
  key?: string;
  afterColon: boolean;
  tokenStart: number;
}

/** The context inside `{…}`/`[…]`: tokenizes from the block line that opened the flow collection to the cursor. */
function flowContext(src: LineSource, pos: Position, first: number): CursorContext | undefined {
  let start = pos.line;
  while (start > first && start > pos.line - 50 && /[,{[]\s*$/.test(clean(src.lineAt(start - 1)).replace(/\s+#.*$/, ''))) start--;
  const shape = lineShape(src.lineAt(start));
  const base = parentPath((l) => src.lineAt(l), start, shape.dashes.length ? shape.dashes[0] + 1 : shape.contentCol, first, src.indentAt);
  shape.dashes.forEach(() => base.push(0));
  const lines: string[] = [];
  for (let l = start; l <= Math.min(src.lineCount - 1, pos.line + 50); l++) lines.push(clean(src.lineAt(l)));
  const text = lines.join('\n');
  const cursor = lines.slice(0, pos.line - start).reduce((n, l) => n + l.length + 1, 0) + pos.character;
  const stack: Frame[] = [];
  const steps: (string | number)[] = [];
  let blockKey: string | undefined;
  let lineStart = shape.contentCol;
  let result: { frame: Frame; depth: number; ctx: Omit<CursorContext, 'siblings'> } | undefined;
  for (let i = shape.contentCol; i <= text.length; i++) {
    if (i === cursor) {
      const top = stack[stack.length - 1];
      if (!top) return undefined;
      const typed = text.slice(top.tokenStart, cursor).replace(/^\s+/, '');
      const ctxPath = [...base, ...steps];
      const range = { start: { line: pos.line, character: pos.character - Math.min(typed.length, pos.character) }, end: pos };
      const mode = top.type === 'seq' ? 'item' : top.afterColon ? 'value' : 'key';
      if (mode === 'item') ctxPath.push(0);
      result = { frame: top, depth: stack.length, ctx: { mode, path: ctxPath, key: mode === 'value' ? top.key : undefined, prefix: typed, range, column: 0, lineIndent: 0, flow: true } };
    }
    const c = text[i];
    if (c === undefined) break;
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end === -1 || (cursor > i && cursor <= end)) return result ? withSiblings(result) : undefined;
      i = end;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      const eol = text.indexOf('\n', i);
      if (cursor > i && (eol === -1 || cursor <= eol)) return undefined;
      i = eol === -1 ? text.length : eol - 1;
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === '{' || c === '[') {
      if (!result) steps.push(top ? (top.type === 'seq' ? 0 : top.key ?? '') : blockKey ?? '');
      stack.push({ type: c === '{' ? 'map' : 'seq', keys: new Set(), afterColon: false, tokenStart: i + 1 });
    } else if (c === '}' || c === ']') {
      if (result && stack.length === result.depth) return withSiblings(result);
      stack.pop();
      if (!result) steps.pop();
      if (!stack.length && !result) return undefined;
    } else if (c === ',' && top) {
      top.key = undefined;
      top.afterColon = false;
      top.tokenStart = i + 1;
    } else if (c === ':' && (text[i + 1] === undefined || /[\s,{}[\]]/.test(text[i + 1]))) {
      if (!top) blockKey = unquote(text.slice(lineStart, i).trim());
      else if (top.type === 'map' && !top.afterColon) {
        top.key = unquote(text.slice(top.tokenStart, i).trim());
        top.keys.add(top.key);
        top.afterColon = true;
        top.tokenStart = i + 1;
      }
    } else if (c === '\n' && !top) lineStart = i + 1;
  }
  return result ? withSiblings(result) : undefined;
}

function withSiblings(r: { frame: Frame; ctx: Omit<CursorContext, 'siblings'> }): CursorContext {
  const siblings = new Set(r.frame.keys);
  if (r.ctx.mode === 'key') siblings.delete(r.ctx.prefix);
  return { ...r.ctx, siblings };
}
