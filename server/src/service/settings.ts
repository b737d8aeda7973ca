import type { TemplateMode } from '../model/templates';
import type { Locale, Severity } from '../model/types';

/** A rule's configured severity, or `off`. */
export type RuleLevel = Severity | 'off';

/** Everything the language service needs to know about the user's configuration. */
export interface Settings {
  /** Language of messages. */
  locale: Locale;
  /** How Go/Helm template files are treated. */
  templates: TemplateMode;
  /** Glob patterns of workspace files the index and the CLI leave out. */
  exclude: string[];
  /** Per-rule severity overrides by rule id. */
  rules: Record<string, RuleLevel>;
}

/** The settings a fresh install has. */
export const DEFAULT_SETTINGS: Settings = {
  locale: 'en',
  templates: 'ignore',
  exclude: ['**/node_modules/**', '**/.git/**'],
  rules: {},
};

/** Builds settings from loosely typed input (`workspace/configuration` or a config file), ignoring invalid values. */
export function normalizeSettings(raw: unknown, locale: Locale): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: Record<string, RuleLevel> = {};
  if (r.rules && typeof r.rules === 'object') {
    for (const [id, level] of Object.entries(r.rules as Record<string, unknown>)) {
      if (level === 'error' || level === 'warning' || level === 'info' || level === 'hint' || level === 'off') rules[id] = level;
    }
  }
  return {
    locale,
    templates: r.templates === 'bestEffort' ? 'bestEffort' : 'ignore',
    exclude: Array.isArray(r.exclude) ? r.exclude.filter((x): x is string => typeof x === 'string') : DEFAULT_SETTINGS.exclude,
    rules,
  };
}

/** A stable key for caching results that depend on the settings an analysis reads. */
export function analysisKey(s: Settings): string {
  return JSON.stringify([s.locale, s.rules]);
}
