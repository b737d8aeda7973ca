/** Character-level helpers of the fast YAML parser; offsets index `text`, past its end counts as a line end. */

/** Offset of the end of the line holding `i` (its `\n`, or the end of the text). */
export function lineEnd(text: string, i: number): number {
  const e = text.indexOf('\n', i);
  return e === -1 ? text.length : e;
}

/** Offset of the start of the line after the one holding `i`. */
export function lineAfter(text: string, i: number): number {
  const e = text.indexOf('\n', i);
  return e === -1 ? text.length : e + 1;
}

/** True at a space, a line break or the end of the text. */
export function isSeparator(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return at >= text.length || c === 32 || c === 10;
}

/** True when a plain scalar cannot start at `at`: an indicator character, or `-`, `?`, `:` before a separator. */
export function isIndicator(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c === 45 || c === 63 || c === 58) return isSeparator(text, at + 1);
  return c === 44 || c === 91 || c === 93 || c === 123 || c === 125 || c === 35 || c === 38 || c === 42 || c === 33 || c === 124 || c === 62 || c === 39 || c === 34 || c === 37 || c === 64 || c === 96;
}

/** True at a block sequence entry's `-`. */
export function isSeqItem(text: string, at: number): boolean {
  return text.charCodeAt(at) === 45 && isSeparator(text, at + 1);
}

/** True when the line starting at `lineStart` is blank or a comment. */
export function isBlankOrComment(text: string, lineStart: number): boolean {
  let i = lineStart;
  while (text.charCodeAt(i) === 32) i++;
  return i >= text.length || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 35;
}
