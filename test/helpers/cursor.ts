import type { Position } from '../../server/src/model/types';

/** Text with its `|` cursor markers removed, and the positions they marked, in order. */
export interface Marked {
  text: string;
  cursors: Position[];
  offsets: number[];
}

/** Removes `|` markers from a text and returns where they were (use `\\|` for a literal bar). */
export function marked(source: string): Marked {
  let text = '';
  const offsets: number[] = [];
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\\' && source[i + 1] === '|') {
      text += '|';
      i++;
    } else if (source[i] === '|') offsets.push(text.length);
    else text += source[i];
  }
  const cursors = offsets.map((o) => {
    const before = text.slice(0, o);
    const line = before.split('\n').length - 1;
    return { line, character: o - (before.lastIndexOf('\n') + 1) };
  });
  return { text, cursors, offsets };
}

/** Strips the common leading indentation of a template literal and its first empty line. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n').replace(/[ ]+$/, '');
}
