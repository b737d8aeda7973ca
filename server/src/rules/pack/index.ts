import type { RuleDefinition } from '../types';
import { API_RULES } from './api';
import { AVAILABILITY_RULES } from './availability';
import { CROSS_RULES } from './cross';
import { JOB_RULES } from './jobs';
import { PROBE_RULES } from './probes';
import { RESOURCE_RULES } from './resources';
import { SECURITY_RULES } from './security';
import { SCHEMA_RULES } from './schema';
import { VARIABLE_RULES } from './variables';
import { VERSION_RULES } from './version';

/** The production rule pack: every single-resource rule, by category. */
export const RULE_PACK: readonly RuleDefinition[] = [
  ...SCHEMA_RULES,
  ...VERSION_RULES,
  ...API_RULES,
  ...PROBE_RULES,
  ...RESOURCE_RULES,
  ...AVAILABILITY_RULES,
  ...SECURITY_RULES,
  ...JOB_RULES,
  ...VARIABLE_RULES,
  ...CROSS_RULES,
];
