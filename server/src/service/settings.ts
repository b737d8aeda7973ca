import { DEFAULT_LIMITS, explicitLimits, normalizeLimits, type FileLimits } from '../model/limits';
import type { TemplateMode } from '../model/templates';
import type { Locale, Severity } from '../model/types';
import { PROFILES, type Profile } from '../rules/types';

/** A rule's configured severity, or `off`. */
export type RuleLevel = Severity | 'off';

/** What the user configured for one rule. */
export interface RuleSetting {
  level?: RuleLevel;
  options?: Record<string, unknown>;
}

/** Everything the language service needs to know about the user's configuration. */
export interface Settings {
  /** Language of messages. */
  locale: Locale;
  /** The rule set: the guide's checklist, a Pod Security Standards level, or only what the API rejects. */
  profile: Profile;
  /** How Go/Helm template files are treated. */
  templates: TemplateMode;
  /** Glob patterns of workspace files the index and the CLI leave out. */
  exclude: string[];
  /** Per-rule severity and options by rule id. */
  rules: Record<string, RuleSetting>;
  /** The Kubernetes minor versions a manifest must be valid on (1.26 → 26). */
  kubernetes: { min: number; max: number };
  /** Namespace of resources that name none. */
  defaultNamespace: string;
  /** Validate resources against the Kubernetes and CRD schemas (off for users who keep another validator). */
  schemaValidation: boolean;
  /** Size limits over which a file, or its later documents, is not analysed. */
  limits: FileLimits;
}

/** The settings a fresh install has. */
export const DEFAULT_SETTINGS: Settings = {
  locale: 'en',
  profile: 'production',
  templates: 'ignore',
  exclude: ['**/node_modules/**', '**/.git/**'],
  rules: {},
  kubernetes: { min: 26, max: 32 },
  defaultNamespace: 'default',
  schemaValidation: true,
  limits: DEFAULT_LIMITS,
};

const LEVELS = new Set(['error', 'warning', 'info', 'hint', 'off']);

/** Reads a rule's setting: a level string, or `{severity, options}`. */
export function ruleSetting(raw: unknown): RuleSetting | undefined {
  if (typeof raw === 'string') return LEVELS.has(raw) ? { level: raw as RuleLevel } : undefined;
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  const out: RuleSetting = {};
  if (typeof r.severity === 'string' && LEVELS.has(r.severity)) out.level = r.severity as RuleLevel;
  if (r.options && typeof r.options === 'object') out.options = r.options as Record<string, unknown>;
  return out;
}

/** Parses `1.28` into its minor (28). */
export function minorOf(v: unknown): number | undefined {
  const m = /^v?1\.(\d+)$/.exec(String(v ?? '').trim());
  return m ? Number(m[1]) : undefined;
}

/** Builds settings from loosely typed input (`workspace/configuration` or a config file), ignoring invalid values. */
export function normalizeSettings(raw: unknown, locale: Locale): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: Record<string, RuleSetting> = {};
  if (r.rules && typeof r.rules === 'object') {
    for (const [id, value] of Object.entries(r.rules as Record<string, unknown>)) {
      const s = ruleSetting(value);
      if (s) rules[id] = s;
    }
  }
  const k8s = (r.kubernetes && typeof r.kubernetes === 'object' ? r.kubernetes : {}) as Record<string, unknown>;
  const min = minorOf(k8s.minVersion) ?? DEFAULT_SETTINGS.kubernetes.min;
  const max = minorOf(k8s.maxVersion) ?? DEFAULT_SETTINGS.kubernetes.max;
  return {
    locale,
    profile: PROFILES.includes(r.profile as Profile) ? (r.profile as Profile) : 'production',
    templates: r.templates === 'bestEffort' ? 'bestEffort' : 'ignore',
    exclude: Array.isArray(r.exclude) ? r.exclude.filter((x): x is string => typeof x === 'string') : DEFAULT_SETTINGS.exclude,
    rules,
    kubernetes: { min: Math.min(min, max), max: Math.max(min, max) },
    defaultNamespace: typeof r.defaultNamespace === 'string' && r.defaultNamespace ? r.defaultNamespace : 'default',
    schemaValidation: schemaEnabled(r) ?? true,
    limits: normalizeLimits(r.limits),
  };
}

/** Merges rule settings: later sources win per rule, options merge. */
export function mergeRules(...sources: Record<string, RuleSetting>[]): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const src of sources) {
    for (const [id, s] of Object.entries(src)) {
      const prev = out[id] ?? {};
      out[id] = { level: s.level ?? prev.level, options: s.options || prev.options ? { ...prev.options, ...s.options } : undefined };
    }
  }
  return out;
}

/** A stable key for caching results that depend on the settings an analysis reads. */
export function analysisKey(s: Settings): string {
  let key = analysisKeys.get(s);
  if (key === undefined) analysisKeys.set(s, (key = JSON.stringify([s.locale, s.profile, s.rules, s.kubernetes, s.defaultNamespace, s.schemaValidation])));
  return key;
}

const analysisKeys = new WeakMap<Settings, string>();

/** Settings that override others: any subset, limits one by one. */
export type SettingsOverrides = Partial<Omit<Settings, 'limits'>> & { limits?: Partial<FileLimits> };

/** Only the settings present in loosely typed input (an editor's explicit settings), for overriding `.kws.yaml`. */
export function explicitSettings(raw: unknown): SettingsOverrides {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const full = normalizeSettings(r, 'en');
  const k8s = (r.kubernetes && typeof r.kubernetes === 'object' ? r.kubernetes : {}) as Record<string, unknown>;
  const out: SettingsOverrides = { rules: full.rules };
  if (PROFILES.includes(r.profile as Profile)) out.profile = full.profile;
  if (r.templates === 'ignore' || r.templates === 'bestEffort') out.templates = full.templates;
  if (Array.isArray(r.exclude)) out.exclude = full.exclude;
  if (typeof r.defaultNamespace === 'string' && r.defaultNamespace) out.defaultNamespace = full.defaultNamespace;
  if (schemaEnabled(r) !== undefined) out.schemaValidation = full.schemaValidation;
  const limits = explicitLimits(r.limits);
  if (Object.keys(limits).length) out.limits = limits;
  if (minorOf(k8s.minVersion) !== undefined || minorOf(k8s.maxVersion) !== undefined) {
    const min = minorOf(k8s.minVersion) ?? minorOf(k8s.maxVersion)!;
    const max = minorOf(k8s.maxVersion) ?? Math.max(min, DEFAULT_SETTINGS.kubernetes.max);
    out.kubernetes = { min: Math.min(min, max), max: Math.max(min, max) };
  }
  return out;
}

function schemaEnabled(r: Record<string, unknown>): boolean | undefined {
  const v = (r.schemaValidation as Record<string, unknown> | undefined)?.enable;
  return typeof v === 'boolean' ? v : undefined;
}
