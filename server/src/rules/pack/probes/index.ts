import type { RuleDefinition } from '../../types';
import { readinessProbeMissing } from './readinessProbeMissing';

/** Probe rules. */
export const PROBE_RULES: readonly RuleDefinition[] = [readinessProbeMissing];
