import { RULE_PACK } from './pack';
import type { RuleDefinition } from './types';
import { configInvalidRule, duplicateKeyRule, encodingRule, fileTooLargeRule, readErrorRule, syntaxRule, unusedSuppressionRule } from './yamlRules';

const ALL: readonly RuleDefinition[] = [syntaxRule, duplicateKeyRule, encodingRule, fileTooLargeRule, readErrorRule, unusedSuppressionRule, configInvalidRule, ...RULE_PACK];

const BY_ID = new Map(ALL.map((r) => [r.id, r]));

/** Every rule, in registry order. */
export function allRules(): readonly RuleDefinition[] {
  return ALL;
}

/** The rule with this id, if registered. */
export function getRule(id: string): RuleDefinition | undefined {
  return BY_ID.get(id);
}

export { isOn, ruleLevel } from './levels';
