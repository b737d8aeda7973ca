import type { Severity } from '../model/types';
import type { RuleLevel, Settings } from '../service/settings';
import type { Profile, RuleDefinition } from './types';

const ALWAYS = new Set(['yaml', 'api', 'config', 'schema', 'version']);

/** A rule's severity in a profile before user overrides. */
export function profileLevel(rule: RuleDefinition, profile: Profile): RuleLevel {
  const explicit = rule.profiles?.[profile];
  if (explicit) return explicit;
  if (ALWAYS.has(rule.category)) return rule.severity;
  switch (profile) {
    case 'production':
      return rule.severity;
    case 'minimal':
      return 'off';
    case 'baseline':
      return rule.pss === 'baseline' ? 'error' : 'off';
    case 'restricted':
      return rule.pss ? 'error' : 'off';
  }
}

/** The severity a rule's findings get under the settings, or `off`. */
export function ruleLevel(rule: RuleDefinition, settings: Settings): RuleLevel {
  return settings.rules[rule.id]?.level ?? profileLevel(rule, settings.profile);
}

/** A rule's options: its defaults overridden by the user's. */
export function ruleOptions(rule: RuleDefinition, settings: Settings): Record<string, unknown> {
  return { ...rule.options, ...settings.rules[rule.id]?.options };
}

/** Narrowing helper: a level that reports. */
export function isOn(level: RuleLevel): level is Severity {
  return level !== 'off';
}
