import type { Locale } from '../model/types';

/** A user-facing text in every shipped language; `{name}` placeholders are filled by `format`. */
export interface Localized {
  en: string;
  'zh-CN': string;
}

/** A message argument: a value, or a word that itself differs by language. */
export type MessageArg = string | number | Localized;

/** Picks a text's translation and fills its `{name}` placeholders (localized arguments in the same language). */
export function format(text: Localized, locale: Locale, args: Record<string, MessageArg> = {}): string {
  return text[locale].replace(/\{(\w+)\}/g, (m, k: string) => {
    if (!(k in args)) return m;
    const v = args[k];
    return typeof v === 'object' ? v[locale] : String(v);
  });
}
