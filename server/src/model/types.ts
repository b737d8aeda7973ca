/** A zero-based position, as in LSP: line and UTF-16 character offset. */
export interface Position {
  line: number;
  character: number;
}

/** A half-open range of positions, as in LSP. */
export interface Range {
  start: Position;
  end: Position;
}

/** True when two ranges cover the same positions. */
export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * A copy of a string that does not keep the text it was sliced from alive (V8 slices share their parent):
 * for what outlives a document version, such as cache keys and kept schema texts.
 */
export function ownString(s: string): string {
  return structuredClone(s);
}

/**
 * Orders two strings by their UTF-16 code units, the same on every machine. For ids and URIs in findings;
 * `localeCompare` would load ICU's collator on the first call (over 10 ms of a cold open) and order by locale.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A path from a resource or document root to a node: mapping keys and sequence indexes. */
export type NodePath = readonly (string | number)[];

/** Severity of a finding, ordered from most to least severe. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** True when `a` is at least as severe as `b`. */
export function atLeast(a: Severity, b: Severity): boolean {
  return SEVERITY_ORDER.indexOf(a) <= SEVERITY_ORDER.indexOf(b);
}

/** The user-interface languages every message ships in. */
export type Locale = 'en' | 'zh-CN';

/** Picks the supported locale for a BCP-47 tag such as `zh-cn`, `zh-Hans-CN` or `en-US`. */
export function toLocale(tag: string | undefined): Locale {
  return tag && /^zh(-(cn|hans|sg)|$)/i.test(tag.replace(/_/g, '-')) ? 'zh-CN' : 'en';
}
