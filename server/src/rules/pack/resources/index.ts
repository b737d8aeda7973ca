import type { RuleDefinition } from '../../types';

/** Resource requests and limits rules. */
export const RESOURCE_RULES: readonly RuleDefinition[] = [];
