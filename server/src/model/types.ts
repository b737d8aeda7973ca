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
