import type { Locale } from '../model/types';

/** A user-facing text in every shipped language; `{name}` placeholders are filled by `format`. */
export interface Localized {
  en: string;
  'zh-CN': string;
}

/** Picks a text's translation and fills its `{name}` placeholders. */
export function format(text: Localized, locale: Locale, args: Record<string, string | number> = {}): string {
  return text[locale].replace(/\{(\w+)\}/g, (m, k: string) => (k in args ? String(args[k]) : m));
}
