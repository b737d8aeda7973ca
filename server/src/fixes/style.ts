/** How a file is written: indentation width, where sequence dashes go, and its line ending. */
export interface TextStyle {
  indent: number;
  /** `compact`: `- ` at the parent key's column; `indented`: one indent deeper. */
  sequences: 'compact' | 'indented';
  eol: '\n' | '\r\n';
}

/** A value a fix writes: scalars, ordered mappings and sequences. */
export type YValue = string | number | boolean | null | YValue[] | { [key: string]: YValue };

const CONTENT = /^( *)(- +)?([^#\s].*?)\s*(#.*)?$/;

const recent: { text: string; style: TextStyle }[] = [];

/** Detects a file's style from its own text (defaults: 2 spaces, indented sequences, LF); the last few texts are remembered, since every fix of a file asks again. */
export function detectStyle(text: string): TextStyle {
  const known = recent.find((r) => r.text === text);
  if (known) return known.style;
  const style = measureStyle(text);
  recent.unshift({ text, style });
  recent.length = Math.min(recent.length, 4);
  return style;
}

function measureStyle(text: string): TextStyle {
  const widths = new Map<number, number>();
  let compact = 0;
  let indented = 0;
  const lines = text.split(/\r?\n/);
  let prev: { indent: number; opens: boolean } | undefined;
  for (const line of lines) {
    const m = CONTENT.exec(line);
    if (!m || line.startsWith('---') || line.startsWith('...')) continue;
    const indent = m[1].length;
    if (prev?.opens) {
      if (m[2]) {
        if (indent === prev.indent) compact++;
        else if (indent > prev.indent) indented++;
      }
      const delta = indent - prev.indent;
      if (delta > 0 && delta <= 8 && !m[2]) widths.set(delta, (widths.get(delta) ?? 0) + 1);
    }
    const key = m[3];
    prev = { indent: indent + (m[2]?.length ?? 0), opens: /:$/.test(key) };
  }
  let indent = 2;
  let best = 0;
  for (const [w, n] of widths) if (n > best || (n === best && w < indent)) [indent, best] = [w, n];
  return { indent, sequences: compact > indented ? 'compact' : 'indented', eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

const SPECIAL_WORDS = /^(y|yes|n|no|true|false|on|off|null|~)$/i;
const NUMERIC = /^[-+]?(\.\d+|\d[\d_]*(\.\d*)?)([eE][-+]?\d+)?$|^0[xob]|^[-+]?\.(inf|nan)$/i;

/** A scalar as YAML source: plain when that reads back as the same string, else double-quoted. */
export function scalarSource(value: YValue): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  const s = value as string;
  const plain = /^[A-Za-z0-9_./][A-Za-z0-9_./%-]*$/.test(s) && !SPECIAL_WORDS.test(s) && !NUMERIC.test(s);
  return plain ? s : JSON.stringify(s);
}

function isObject(v: YValue): v is { [key: string]: YValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The lines of a block mapping whose keys sit at `column`. */
export function renderMap(map: { [key: string]: YValue }, column: number, style: TextStyle): string[] {
  const pad = ' '.repeat(column);
  const out: string[] = [];
  for (const [key, value] of Object.entries(map)) {
    const k = scalarSource(key);
    if (isObject(value) && Object.keys(value).length) out.push(`${pad}${k}:`, ...renderMap(value, column + style.indent, style));
    else if (Array.isArray(value) && value.length) out.push(`${pad}${k}:`, ...renderSeq(value, style.sequences === 'compact' ? column : column + style.indent, style));
    else out.push(`${pad}${k}: ${flow(value)}`);
  }
  return out;
}

/** The lines of a block sequence whose dashes sit at `column`. */
export function renderSeq(items: YValue[], column: number, style: TextStyle): string[] {
  const out: string[] = [];
  const dash = `${' '.repeat(column)}- `;
  for (const item of items) {
    if (isObject(item) && Object.keys(item).length) {
      const lines = renderMap(item, column + 2, style);
      out.push(dash + lines[0].slice(column + 2), ...lines.slice(1));
    } else out.push(dash + flow(item));
  }
  return out;
}

function flow(value: YValue): string {
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (isObject(value)) return `{${Object.entries(value).map(([k, v]) => `${scalarSource(k)}: ${flow(v)}`).join(', ')}}`;
  return scalarSource(value);
}
