/** A seeded pseudo-random number generator (mulberry32), so a failing run can be replayed from its seed. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

/** Short tokens a random edit inserts: letters, YAML indicators, spaces, a comment, a flow pair. */
export const TOKENS: readonly string[] = ['x', 'a', '1', ' ', '  ', ':', ': ', '-', '- ', '#', ' # c', '"', "'", '{', '}', '[', ']', ',', 'key: v', 'true', '&a', '*a', '|'];

/** One edit within a line: replace `[start, end)` of line `line` (UTF-16 columns) by `text`, which holds no line break. */
export interface LineEdit {
  line: number;
  start: number;
  end: number;
  text: string;
}

/**
 * A random edit of one line in `[fromLine, toLine)` of `lines`: insert a character or short token, or
 * delete one to three characters. The line count never changes, and no edit creates a `{{` (which
 * would turn the file into a template that is not analysed).
 */
export function randomLineEdit(random: Random, lines: readonly string[], fromLine: number, toLine: number): LineEdit {
  const edit = anyLineEdit(random, lines, fromLine, toLine);
  const before = lines[edit.line];
  const after = before.slice(0, edit.start) + edit.text + before.slice(edit.end);
  return braces(after) > braces(before) ? { line: edit.line, start: edit.start, end: edit.start, text: 'x' } : edit;
}

function braces(s: string): number {
  return s.split('{{').length;
}

function anyLineEdit(random: Random, lines: readonly string[], fromLine: number, toLine: number): LineEdit {
  const line = fromLine + random.int(Math.max(1, toLine - fromLine));
  const content = lines[line].replace(/\r$/, '');
  if (content.length && random.next() < 0.4) {
    const start = random.int(content.length);
    const end = Math.min(content.length, start + 1 + random.int(3));
    if (!splitsPair(content, start) && !splitsPair(content, end)) return { line, start, end, text: '' };
  }
  let at = random.int(content.length + 1);
  if (splitsPair(content, at)) at--;
  return { line, start: at, end: at, text: random.pick(TOKENS) };
}

/** True when a column falls between the two halves of a surrogate pair. */
function splitsPair(s: string, at: number): boolean {
  return at > 0 && at < s.length && /[\ud800-\udbff]/.test(s[at - 1]) && /[\udc00-\udfff]/.test(s[at]);
}

/** Applies a line edit to an array of lines, in place. */
export function applyLineEdit(lines: string[], edit: LineEdit): void {
  const s = lines[edit.line];
  lines[edit.line] = s.slice(0, edit.start) + edit.text + s.slice(edit.end);
}

/** The line ranges `[from, to)` of a text's YAML documents, cut at `---` lines. */
export function documentLineRanges(lines: readonly string[]): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i === lines.length || /^---\s*$/.test(lines[i])) {
      if (i > from) out.push([from, i]);
      from = i + 1;
    }
  }
  return out;
}
