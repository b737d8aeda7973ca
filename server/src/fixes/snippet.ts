import type { Edit } from './edits';

function escape(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

function findLine(text: string, needle: string, from: number): number {
  for (let at = text.indexOf(needle, from); at !== -1; at = text.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    if ((at === 0 || /\s/.test(text[at - 1])) && (end === text.length || /[\s]/.test(text[end]))) return at;
  }
  return -1;
}

/**
 * Gives the edits that hold `key: value` lines for the given pairs a snippet twin in which those values
 * are tab stops, numbered in the order given (`path: ${1:/healthz}`); other edits are left as they are.
 */
export function withTabStops(edits: Edit[], stops: readonly { key: string; value: string }[]): Edit[] {
  let n = 0;
  return edits.map((e) => {
    let snippet = escape(e.text);
    let from = 0;
    let changed = false;
    for (const { key, value } of stops) {
      const needle = `${escape(key)}: ${escape(value)}`;
      const at = findLine(snippet, needle, from);
      if (at === -1) continue;
      const stop = `${escape(key)}: \${${++n}:${escape(value)}}`;
      snippet = snippet.slice(0, at) + stop + snippet.slice(at + needle.length);
      from = at + stop.length;
      changed = true;
    }
    return changed ? { ...e, snippet } : e;
  });
}
