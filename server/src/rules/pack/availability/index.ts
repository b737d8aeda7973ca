import type { RuleDefinition } from '../../types';
import { maxUnavailableNotZero } from './maxUnavailableNotZero';

/** Rollout and availability rules. */
export const AVAILABILITY_RULES: readonly RuleDefinition[] = [maxUnavailableNotZero];
