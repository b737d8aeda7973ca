import { decline, scanQuoted } from './fastScalars';
import { isIndicator, isSeparator, lineAfter, lineEnd } from './fastText';

/**
 * The line-level reading of the fast parser (`fastYaml.ts`) over one text: a line's indentation, the next
 * line with content, where an implicit key ends, what may follow a value, and one line of a plain scalar.
 * The answer for the offset last asked is kept, since the parser asks about the same line several times.
 */
export class LineScanner {
  /** The last line `plainLine` read: its text without trailing spaces, where that text ends, and whether a comment follows. */
  protected lineValue = '';
  protected lineEnd = 0;
  protected lineComment = false;
  private nextFrom = -1;
  private nextAt = 0;
  private indentFrom = -1;
  private indent = 0;
  private keyFrom = -1;
  private keyColon = -1;

  constructor(protected readonly text: string) {}

  /** Reads one line of a plain scalar from `q` into `lineValue` (without trailing spaces), `lineEnd` and `lineComment`. */
  protected plainLine(q: number): void {
    const { text } = this;
    let i = q;
    let comment = false;
    for (let c = text.charCodeAt(i); i < text.length && c !== 10; c = text.charCodeAt(++i)) {
      if (c === 35 && text.charCodeAt(i - 1) === 32) {
        comment = true;
        break;
      }
      if (c === 58 && isSeparator(text, i + 1)) decline();
    }
    let end = i;
    while (text.charCodeAt(end - 1) === 32) end--;
    this.lineValue = text.slice(q, end);
    this.lineEnd = end;
    this.lineComment = comment;
  }

  /** The offset of the `:` ending an implicit key that starts at `at`, or -1 when the line holds none. */
  protected keyEnd(at: number): number {
    if (at !== this.keyFrom) {
      this.keyFrom = at;
      this.keyColon = this.findKeyEnd(at);
    }
    return this.keyColon;
  }

  private findKeyEnd(at: number): number {
    const { text } = this;
    const c = text.charCodeAt(at);
    if (c === 34 || c === 39) {
      const end = scanQuoted(text, at)?.end;
      return end !== undefined && text.charCodeAt(end) === 58 && isSeparator(text, end + 1) ? end : -1;
    }
    if (isIndicator(text, at)) return -1;
    const eol = lineEnd(text, at);
    for (let i = at; i < eol; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 58 && isSeparator(text, i + 1)) return text.charCodeAt(i - 1) === 32 ? decline() : i;
      if (ch === 35 && text.charCodeAt(i - 1) === 32) return -1;
    }
    return -1;
  }

  /** After a value ending at `end`: spaces and a comment to the end of the line; the next line's start. */
  protected trailing(end: number): number {
    const { text } = this;
    let i = end;
    while (text.charCodeAt(i) === 32) i++;
    const c = text.charCodeAt(i);
    if (i < text.length && c !== 10 && !(c === 35 && i > end)) decline();
    return lineAfter(text, i);
  }

  /**
   * The start of the first line at or after `lineStart` holding content. Declines at a comment line
   * (whose place in the ranges of the collections around it the composer decides) and at a marker.
   */
  protected nextContent(lineStart: number): number {
    if (lineStart === this.nextFrom) return this.nextAt;
    this.nextFrom = lineStart;
    return (this.nextAt = this.findContent(lineStart));
  }

  private findContent(lineStart: number): number {
    const { text } = this;
    let p = lineStart;
    for (;;) {
      const col = this.indentAt(p);
      const c = text.charCodeAt(p + col);
      if (p + col >= text.length) return text.length;
      if (c === 35) decline();
      if (c !== 10) break;
      p += col + 1;
    }
    if (text.startsWith('...', p) || text.startsWith('---', p)) decline();
    return p;
  }

  protected indentAt(lineStart: number): number {
    if (lineStart === this.indentFrom) return this.indent;
    let i = lineStart;
    while (this.text.charCodeAt(i) === 32) i++;
    this.indentFrom = lineStart;
    return (this.indent = i - lineStart);
  }
}
