import type { RuleDefinition } from '../../types';
import { jobRestartPolicy } from './jobRestartPolicy';

/** Rules for what the API server would reject. */
export const API_RULES: readonly RuleDefinition[] = [jobRestartPolicy];
