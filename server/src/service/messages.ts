import type { Locale } from '../model/types';

/** A user-facing text in every shipped language; `{name}` placeholders are filled by `format`. */
export interface Localized {
  en: string;
  'zh-CN': string;
}

/** A message argument: a value, or a word that itself differs by language. */
export type MessageArg = string | number | Localized;

/** A translation split at its placeholders: literal text at even indexes, placeholder names at odd ones. */
type Parts = readonly string[];

const split = new WeakMap<Localized, Partial<Record<Locale, Parts>>>();

/** Picks a text's translation and fills its `{name}` placeholders (localized arguments in the same language); a placeholder without an argument stays as written. */
export function format(text: Localized, locale: Locale, args: Record<string, MessageArg> = {}): string {
  let byLocale = split.get(text);
  if (!byLocale) split.set(text, (byLocale = {}));
  const parts = (byLocale[locale] ??= text[locale].split(/\{(\w+)\}/));
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i];
    const v = args[k];
    out += (!(k in args) ? `{${k}}` : typeof v === 'object' ? v[locale] : String(v)) + parts[i + 1];
  }
  return out;
}
