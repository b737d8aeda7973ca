import type { RuleDefinition } from '../../types';

/** Job and CronJob rules. */
export const JOB_RULES: readonly RuleDefinition[] = [];
