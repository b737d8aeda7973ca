import { Scalar, type Schema } from 'yaml';
import type { NodeFactory } from './fastNodes';
import { lineAfter, lineEnd } from './fastText';
import { ownString } from './types';

/** Thrown (one shared instance) when the fast parser meets YAML it leaves to the `yaml` library. */
export const DECLINE: unknown = Object.freeze({ declined: true });

/** Stops the fast parse: the document goes to the full parser. */
export function decline(): never {
  throw DECLINE;
}

/** A scanned scalar: its value, kind and where its source ends. */
export interface ScannedScalar {
  value: string;
  type: Scalar.Type;
  /** Offset just past the scalar's source (closing quote, last content line). */
  end: number;
}

/** What scalar resolution reads from the document being built. */
export interface ScalarContext {
  schema: Schema;
  options: object;
  nodes: NodeFactory;
}

type ScalarTag = { resolve(value: string, onError: (msg: string) => void, options: object): unknown; format?: string };
type TestedTag = ScalarTag & { default?: boolean | 'key'; test?: RegExp; collection?: string };

/**
 * Only plain scalars starting with one of these (or empty) can match a YAML 1.1 default tag other than
 * `str`, and those starting with a letter only when at most five characters long (`false`): the unit
 * tests pin the schema's tag tests this relies on.
 */
const MAY_START = new Uint8Array(128);
for (const c of '~NnYyTtOoFf+-0123456789.<') MAY_START[c.charCodeAt(0)] = 1;
const LONGEST_WORD = 5;

/** True when a plain scalar can resolve to something other than a string. */
function mayResolve(value: string): boolean {
  if (value === '') return true;
  const c = value.charCodeAt(0);
  if (c >= 128 || !MAY_START[c]) return false;
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return !letter || value.length <= LONGEST_WORD;
}

/**
 * Resolves a scalar whose source runs from `start` to `valueEnd` as the `yaml` library's composer does: plain scalars by the schema's default tag
 * tests in order, quoted and block scalars as strings. Declines whatever the library would report.
 */
export function makeScalar(ctx: ScalarContext, value: string, type: Scalar.Type, start: number, valueEnd: number, nodeEnd: number, atKey: boolean): Scalar {
  const plain = type === 'PLAIN' && mayResolve(value) ? resolvePlain(ctx, value, atKey) : undefined;
  const tag = plain?.tag;
  if (!tag) return ctx.nodes.scalar(value, value, type, undefined, start, valueEnd, nodeEnd);
  if (atKey && tag.default === 'key') decline();
  if (plain.shared) return ctx.nodes.scalar(plain.value, value, type, tag.format, start, valueEnd, nodeEnd);
  const resolved = tag.resolve(value, decline, ctx.options);
  if (!(resolved instanceof Scalar)) return ctx.nodes.scalar(resolved, value, type, tag.format, start, valueEnd, nodeEnd);
  resolved.range = [start, valueEnd, nodeEnd];
  resolved.source = value;
  resolved.type = type;
  if (tag.format) resolved.format = tag.format;
  return resolved;
}

/** How a plain text resolves: by no tag but `str` (`tag` undefined), or by `tag`, to `value` when `shared`. */
export interface PlainResolution {
  tag: TestedTag | undefined;
  /** True when the value is a primitive (or a bare `Scalar` of one, as YAML 1.1 booleans resolve), so every node of the text can hold it. */
  shared: boolean;
  value: unknown;
}

/**
 * Short plain texts' resolutions are kept in their node factory (one per parse options, so one schema), for keys
 * and for values apart (only keys try the key-only tags). Manifests repeat such texts (`name`, `true`, `80`), and
 * trying a dozen tag tests on each, then building a `Scalar` for each boolean, was a sixth of a cold parse. A full
 * memo starts again; its keys are copies, so no document text stays alive.
 */
const RESOLVED_KEPT = 4096;
const RESOLVED_LONGEST = 32;

function resolvePlain(ctx: ScalarContext, value: string, atKey: boolean): PlainResolution {
  const memo = atKey ? ctx.nodes.plainResolutions.key : ctx.nodes.plainResolutions.value;
  const kept = value.length <= RESOLVED_LONGEST;
  const known = kept ? memo.get(value) : undefined;
  if (known) return known;
  const tag = (ctx.schema.tags as TestedTag[]).find((t) => (t.default === true || (atKey && t.default === 'key')) && t.test?.test(value));
  const resolved = tag?.default === true ? tag.resolve(value, decline, ctx.options) : undefined;
  const bare = resolved instanceof Scalar && Object.keys(resolved).length === 1 ? resolved.value : resolved;
  const shared = tag?.default === true && (bare === null || (typeof bare !== 'object' && typeof bare !== 'function'));
  const found: PlainResolution = { tag, shared, value: shared ? bare : undefined };
  if (kept) {
    if (memo.size >= RESOLVED_KEPT) memo.clear();
    memo.set(ownString(value), found);
  }
  return found;
}

const KEY_NAMES = new Map<string, string>();
const KEY_NAMES_KEPT = 4096;
const KEY_NAME_LONGEST = 64;

/**
 * One string per key name across documents (manifests repeat a small vocabulary): V8's internalized copy,
 * the one a property of that name has, so that comparing it with another key, or using it as a property
 * name, needs no lookup in V8's string table. A copy keeps no document text alive.
 */
export function keyName(name: string): string {
  const known = KEY_NAMES.get(name);
  if (known !== undefined) return known;
  if (KEY_NAMES.size >= KEY_NAMES_KEPT || name.length > KEY_NAME_LONGEST) return name;
  const internalized = Object.keys({ [name]: 0 })[0];
  KEY_NAMES.set(internalized, internalized);
  return internalized;
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * A double- or single-quoted scalar that opens at `start`. It may run over several lines, each more
 * indented than `col`, only when `col` is given; otherwise an unclosed line gives undefined.
 */
export function scanQuoted(text: string, start: number, col?: number): ScannedScalar | undefined {
  const quote = text.charCodeAt(start);
  let value = '';
  let from = start + 1;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (col === undefined) return undefined;
      value += text.slice(from, i).replace(/ +$/, '');
      if (value.endsWith('\\') && quote === 34) decline();
      let blanks = 0;
      let indent = 0;
      for (let j = i + 1; ; j++) {
        const d = text.charCodeAt(j);
        if (d === 32) indent++;
        else if (d === 10) {
          blanks++;
          indent = 0;
        } else {
          if (j >= text.length || indent <= col) decline();
          i = j - 1;
          break;
        }
      }
      value += blanks ? '\n'.repeat(blanks) : ' ';
      from = i + 1;
    } else if (quote === 39 && c === 39) {
      value += text.slice(from, i);
      if (text.charCodeAt(i + 1) !== 39) return { value, type: 'QUOTE_SINGLE', end: i + 1 };
      value += "'";
      from = ++i + 1;
    } else if (quote === 34 && c === 34) {
      return { value: value + text.slice(from, i), type: 'QUOTE_DOUBLE', end: i + 1 };
    } else if (quote === 34 && c === 92) {
      value += text.slice(from, i);
      const e = text[i + 1];
      const hex = HEX_LENGTH[e];
      if (hex) {
        const digits = text.slice(i + 2, i + 2 + hex);
        if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== hex) decline();
        value += String.fromCodePoint(parseInt(digits, 16));
        i += 1 + hex;
      } else if (e !== undefined && e in ESCAPES) {
        value += ESCAPES[e];
        i++;
      } else decline();
      from = i + 1;
    }
  }
  return decline();
}

/**
 * A block scalar whose header (`|` or `>`, optional `-`/`+`, no indentation indicator) is at `start`,
 * inside a collection indented `parentIndent`. `next` is the start of the line after its content.
 */
export function scanBlock(text: string, start: number, parentIndent: number): ScannedScalar & { next: number } {
  const folded = text.charCodeAt(start) === 62;
  let i = start + 1;
  const chomp = text[i] === '-' || text[i] === '+' ? text[i++] : '';
  while (text.charCodeAt(i) === 32) i++;
  if (i < text.length && text.charCodeAt(i) !== 10 && (text.charCodeAt(i) !== 35 || i === start + 1 + chomp.length)) decline();
  let line = lineAfter(text, i);
  const lines: string[] = [];
  let indent = -1;
  while (line < text.length) {
    let col = 0;
    while (text.charCodeAt(line + col) === 32) col++;
    const eol = lineEnd(text, line);
    if (line + col !== eol) {
      if (col > parentIndent) indent = col;
      break;
    }
    lines.push(text.slice(line, eol));
    line = eol < text.length ? eol + 1 : eol;
  }
  if (indent === -1) decline();
  for (let k = 0; k < lines.length; k++) {
    if (lines[k].length > indent) decline();
    lines[k] = '';
  }
  let contentEnd = line;
  let blanks = 0;
  while (line < text.length) {
    const eol = lineEnd(text, line);
    let col = 0;
    while (col < indent && text.charCodeAt(line + col) === 32) col++;
    const rest = line + col;
    if (col < indent && rest !== eol) break;
    if (folded && rest < eol && text.charCodeAt(rest) === 32) decline();
    if (rest === eol || (text.charCodeAt(eol - 1) === 32 && onlySpaces(text, rest, eol))) blanks++;
    else {
      blanks = 0;
      contentEnd = eol < text.length ? eol + 1 : eol;
    }
    lines.push(text.slice(rest, eol));
    line = eol < text.length ? eol + 1 : eol;
  }
  lines.length -= blanks;
  let value = folded ? fold(lines) : lines.join('\n');
  if (chomp !== '-') value += '\n';
  if (chomp === '+') {
    if (blanks && text.charCodeAt(line - 1) !== 10) decline();
    value += '\n'.repeat(blanks);
  }
  const end = chomp === '+' ? line : contentEnd;
  return { value, type: folded ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL', end, next: line };
}

function onlySpaces(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) !== 32) return false;
  return true;
}

function fold(lines: string[]): string {
  let out = '';
  let pending = -1;
  for (const l of lines) {
    if (l === '') {
      if (pending >= 0) pending++;
      else out += '\n';
      continue;
    }
    if (pending === 0) out += ' ';
    else if (pending > 0) out += '\n'.repeat(pending);
    out += l;
    pending = 0;
  }
  return out;
}
