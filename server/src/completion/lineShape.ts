/** The block structure of one YAML line as written: indentation, sequence dashes and a `key:` if any. */
export interface LineShape {
  /** Column of the first non-space character (a dash or the content). */
  indent: number;
  /** Columns of the leading `- ` sequence markers, left to right. */
  dashes: number[];
  /** Column where the content after the dashes starts. */
  contentCol: number;
  /** The mapping key the line starts with, unquoted. */
  key?: string;
  /** The text after `key:` (trimmed; empty when the value follows on later lines). */
  value?: string;
  /** True for blank and comment-only lines. */
  empty: boolean;
}

const KEY = /^("[^"]*"|'[^']*'|[^\s#:{}[\],'"][^#]*?)\s*:(?:\s+(.*))?$/;

/** Splits a line into indentation, dashes and `key: value` (ignoring a trailing CR). */
export function lineShape(raw: string): LineShape {
  const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  const indent = /^ */.exec(line)![0].length;
  const dashes: number[] = [];
  let col = indent;
  while (line[col] === '-' && (line[col + 1] === ' ' || line[col + 1] === undefined)) {
    dashes.push(col);
    col++;
    while (line[col] === ' ') col++;
  }
  const content = line.slice(col);
  const empty = !dashes.length && (!content.trim() || content.trimStart().startsWith('#'));
  const m = KEY.exec(content.replace(/\s+#.*$/, ''));
  const shape: LineShape = { indent, dashes, contentCol: col, empty };
  if (m) {
    shape.key = unquote(m[1].trim());
    shape.value = (m[2] ?? '').trim();
  }
  return shape;
}

/** Number of leading spaces of a line (cheap pre-check before {@link lineShape}). */
export function indentOf(raw: string): number {
  let i = 0;
  while (raw.charCodeAt(i) === 32) i++;
  return i;
}

/** A key without its quotes. */
export function unquote(key: string): string {
  return /^(["']).*\1$/.test(key) ? key.slice(1, -1) : key;
}

/** True when a `key:` line's value continues on the following lines (nothing, a block scalar header, an anchor or a tag). */
export function opensBlock(shape: LineShape): boolean {
  const v = shape.value ?? '';
  return v === '' || /^(&\S+|!\S*)(\s+(&\S+|!\S*))*$/.test(v);
}

/**
 * The path from the document root to the mapping holding a key at column `col` of line `line`, found by
 * indentation from the lines above (down to `first`); a sequence item counts as index 0.
 */
export function parentPath(lineAt: (line: number) => string, line: number, col: number, first: number, indentAt = (l: number) => indentOf(lineAt(l))): (string | number)[] {
  const path: (string | number)[] = [];
  let limit = col;
  let inItem = false;
  const enterItems = (dashes: number[]) => {
    for (let i = dashes.length - 1; i >= 0; i--) {
      if (dashes[i] >= limit) continue;
      path.unshift(0);
      limit = dashes[i];
      inItem = true;
    }
  };
  for (let l = line - 1; l >= first && (limit > 0 || inItem); l--) {
    const ind = indentAt(l);
    if (ind > limit || (ind === limit && !inItem)) continue;
    const s = lineShape(lineAt(l));
    if (s.empty) continue;
    const isParent = s.key !== undefined && (inItem ? s.contentCol <= limit : s.contentCol < limit) && opensBlock(s);
    if (isParent) {
      path.unshift(s.key!);
      limit = s.contentCol;
      inItem = false;
      enterItems(s.dashes);
    } else if (!inItem && s.key !== undefined && s.contentCol === limit) enterItems(s.dashes);
    else if (inItem) enterItems(s.dashes);
  }
  return path;
}
