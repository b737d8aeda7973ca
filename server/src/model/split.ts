/** One YAML document's slice of a file: `[start, end)` offsets. */
export interface DocumentSlice {
  start: number;
  end: number;
}

const MARKER = /^(---|\.\.\.)(?=[ \t\r\n]|$)/gm;

/**
 * Splits a YAML stream into its documents at `---` and `...` markers in column 0, which YAML
 * forbids inside any scalar or collection. A `---` line and the `%` directives just above it start a
 * document; a `...` line ends one. Every slice starts at the beginning of a line.
 */
export function splitDocuments(text: string): DocumentSlice[] {
  const cuts: number[] = [0];
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
    if (m[1] === '---') {
      const cut = directivesStart(text, m.index);
      if (cut > cuts[cuts.length - 1]) cuts.push(cut);
    } else {
      const eol = text.indexOf('\n', m.index);
      const next = eol === -1 ? text.length : eol + 1;
      if (next < text.length) cuts.push(next);
    }
  }
  const slices: DocumentSlice[] = [];
  for (let i = 0; i < cuts.length; i++) slices.push({ start: cuts[i], end: i + 1 < cuts.length ? cuts[i + 1] : text.length });
  return slices;
}

function directivesStart(text: string, markerAt: number): number {
  let cut = markerAt;
  let probe = markerAt;
  while (probe > 0) {
    const prevStart = text.lastIndexOf('\n', probe - 2) + 1;
    if (text.charCodeAt(prevStart) !== 37) break;
    cut = prevStart;
    probe = prevStart;
  }
  return cut;
}

/** The line breaks (`\n`) in `text` from `start` up to `end`. */
export function countLines(text: string, start: number, end: number): number {
  let n = 0;
  let i = text.indexOf('\n', start);
  while (i !== -1 && i < end) {
    n++;
    i = text.indexOf('\n', i + 1);
  }
  return n;
}

const CONTENT = /^(?![ \t\r]*(#|$))(?!(---|\.\.\.)[ \t]*(#.*)?\r?$)/m;

/** True when a document slice holds anything beyond blank lines, comments and markers. */
export function hasContent(slice: string): boolean {
  return CONTENT.test(slice);
}
