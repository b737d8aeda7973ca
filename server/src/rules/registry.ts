import type { Severity } from '../model/types';
import type { RuleLevel, Settings } from '../service/settings';
import type { RuleDefinition } from './types';
import { duplicateKeyRule, encodingRule, readErrorRule, syntaxRule } from './yamlRules';

const ALL: readonly RuleDefinition[] = [syntaxRule, duplicateKeyRule, encodingRule, readErrorRule];

const BY_ID = new Map(ALL.map((r) => [r.id, r]));

/** Every rule, in registry order. */
export function allRules(): readonly RuleDefinition[] {
  return ALL;
}

/** The rule with this id, if registered. */
export function getRule(id: string): RuleDefinition | undefined {
  return BY_ID.get(id);
}

/** The severity a rule's findings get under the settings, or `off`. */
export function ruleLevel(rule: RuleDefinition, settings: Settings): RuleLevel {
  return settings.rules[rule.id] ?? rule.severity;
}

/** Narrowing helper: a level that reports. */
export function isOn(level: RuleLevel): level is Severity {
  return level !== 'off';
}
