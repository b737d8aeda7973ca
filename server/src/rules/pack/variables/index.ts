import type { RuleDefinition } from '../../types';
import { duplicateEnvVar } from './duplicateEnvVar';
import { envVarReferenceSyntax } from './envVarReferenceSyntax';

/** Environment variable rules. */
export const VARIABLE_RULES: readonly RuleDefinition[] = [envVarReferenceSyntax, duplicateEnvVar];
