import type { YamlDocument } from './yamlDocument';

/**
 * Size limits of the files the language service analyses. The `yaml` parser costs about 20 µs per line
 * and each resource about half a millisecond of rules, so these bound one file's analysis to well under
 * the 2 s an editor can wait (measured on a 2-core machine); a file over a limit gets an info finding.
 */
export interface FileLimits {
  /** Files larger than this many bytes (UTF-8) are not parsed. */
  maxFileSize: number;
  /** Files with more lines than this are not parsed. */
  maxLines: number;
  /** Only the first this many resources (documents or `kind: List` items) of a file are checked. */
  maxResources: number;
}

/** The limits a fresh install has. */
export const DEFAULT_LIMITS: FileLimits = { maxFileSize: 4 * 1024 * 1024, maxLines: 100_000, maxResources: 500 };

/** Which limit a file went over, by how much, and the file line where analysis stopped. */
export interface LimitHit {
  /** `resourceLines` and `lineLength`: too many `kind:` lines, or one line too long, to parse at all (see {@link wholeFileLimit}). */
  limit: keyof FileLimits | 'resourceLines' | 'lineLength';
  actual: number;
  max: number;
  /** The first line that was not analysed (0 when the whole file was skipped). */
  line: number;
}

/** The size or line limit a whole text goes over, if any. */
export function wholeFileLimit(text: string, limits: FileLimits): LimitHit | undefined {
  if (text.length > limits.maxFileSize || (text.length * 3 > limits.maxFileSize && Buffer.byteLength(text, 'utf8') > limits.maxFileSize)) {
    return { limit: 'maxFileSize', actual: Buffer.byteLength(text, 'utf8'), max: limits.maxFileSize, line: 0 };
  }
  let lines = 1;
  let longest = 0;
  let from = 0;
  for (let i = text.indexOf('\n'); ; i = text.indexOf('\n', i + 1)) {
    longest = Math.max(longest, (i === -1 ? text.length : i) - from);
    if (i === -1) break;
    from = i + 1;
    if (++lines > limits.maxLines) return { limit: 'maxLines', actual: lineCount(text), max: limits.maxLines, line: 0 };
  }
  if (longest > limits.maxFileSize / LONG_LINE_DIVISOR) return { limit: 'lineLength', actual: longest, max: Math.floor(limits.maxFileSize / LONG_LINE_DIVISOR), line: 0 };
  const kinds = kindLines(text);
  if (kinds > RESOURCE_LINES_FACTOR * limits.maxResources) return { limit: 'resourceLines', actual: kinds, max: limits.maxResources, line: 0 };
  return undefined;
}

/** A line longer than `maxFileSize` / this (one flow collection written on one line) is not parsed: flow style parses about ten times slower. */
const LONG_LINE_DIVISOR = 8;

/**
 * Lines declaring a resource's kind (`kind: Deployment`, `- kind: ConfigMap`), counted without a
 * regular expression: a multiline one costs milliseconds a keystroke on a 2 MB file.
 */
function kindLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('kind:'); i !== -1; i = text.indexOf('kind:', i + 5)) {
    let j = i - 1;
    while (j >= 0 && (text[j] === ' ' || text[j] === '\t' || text[j] === '-')) j--;
    if (j >= 0 && text[j] !== '\n') continue;
    let k = i + 5;
    while (text[k] === ' ' || text[k] === '\t') k++;
    if (text[k] === '"' || text[k] === "'") k++;
    const c = text.charCodeAt(k);
    if (c >= 65 && c <= 90) n++;
  }
  return n;
}

/**
 * A file with this many times `maxResources` kind lines is not parsed at all: parsing a `kind: List` of
 * 10,000 items alone takes about a second, although only the first `maxResources` would be checked.
 */
const RESOURCE_LINES_FACTOR = 8;

const CAPPED = new WeakMap<YamlDocument, YamlDocument>();

/** The whole document a capped one was cut from (itself when it was not capped). */
export function uncapped<T extends YamlDocument | undefined>(doc: T): T {
  return ((doc && CAPPED.get(doc)) ?? doc) as T;
}

/**
 * Counts resources as documents are parsed: a document counts as its resources (at least one), and once
 * `maxResources` are counted the rest of the file is left out, `kind: List` items included.
 */
export class ResourceBudget {
  private left: number;
  hit?: LimitHit;

  constructor(private readonly limits: FileLimits | undefined) {
    this.left = limits ? Math.max(0, limits.maxResources) : Infinity;
  }

  /** False (and the hit recorded) when no document starting at `line` may be analysed. */
  admits(line: number): boolean {
    if (this.left > 0) return true;
    this.hit ??= { limit: 'maxResources', actual: 0, max: this.limits!.maxResources, line };
    return false;
  }

  /** The document as analysed: its resources past the budget dropped. */
  take(whole: YamlDocument, startLine: number): YamlDocument {
    const doc = uncapped(whole);
    const n = doc.resources.length;
    if (n <= this.left) {
      this.left -= Math.max(1, n);
      return doc;
    }
    const cut = doc.resources[this.left];
    this.hit = { limit: 'maxResources', actual: n, max: this.limits!.maxResources, line: startLine + doc.lines.positionAt(cut.span[0]).line };
    const kept = { ...doc, resources: doc.resources.slice(0, this.left), memo: new Map<string, unknown>() };
    CAPPED.set(kept, doc);
    this.left = 0;
    return kept;
  }
}

/** Reads limits from loosely typed input (a setting or `.kws.yaml`), keeping valid positive integers only. */
export function normalizeLimits(raw: unknown, base: FileLimits = DEFAULT_LIMITS): FileLimits {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const pick = (k: keyof FileLimits) => (typeof r[k] === 'number' && Number.isSafeInteger(r[k]) && (r[k] as number) > 0 ? (r[k] as number) : base[k]);
  return { maxFileSize: pick('maxFileSize'), maxLines: pick('maxLines'), maxResources: pick('maxResources') };
}

/** Only the limits present and valid in loosely typed input. */
export function explicitLimits(raw: unknown): Partial<FileLimits> {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const full = normalizeLimits(r);
  return Object.fromEntries((Object.keys(DEFAULT_LIMITS) as (keyof FileLimits)[]).filter((k) => r[k] === full[k]).map((k) => [k, full[k]]));
}

function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
