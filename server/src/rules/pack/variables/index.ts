import type { RuleDefinition } from '../../types';

/** Environment variable rules. */
export const VARIABLE_RULES: readonly RuleDefinition[] = [];
