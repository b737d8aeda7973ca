import type { RuleDefinition } from '../../types';
import { cronjobConcurrencyAllow } from './cronjobConcurrencyAllow';
import { cronjobStartingDeadlineMissing } from './cronjobStartingDeadlineMissing';
import { jobActiveDeadlineMissing } from './jobActiveDeadlineMissing';
import { jobTtlMissing } from './jobTtlMissing';

/** Job and CronJob rules. */
export const JOB_RULES: readonly RuleDefinition[] = [jobTtlMissing, jobActiveDeadlineMissing, cronjobConcurrencyAllow, cronjobStartingDeadlineMissing];
