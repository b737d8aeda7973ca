import type { RuleDefinition } from '../../types';
import { apiDeprecated } from './apiDeprecated';
import { apiRemoved } from './apiRemoved';
import { featureGate } from './featureGate';
import { fieldUnavailable } from './fieldUnavailable';

/** Target version window rules (`version/*`): fields, APIs and feature gates across the window. */
export const VERSION_RULES: readonly RuleDefinition[] = [fieldUnavailable, apiRemoved, apiDeprecated, featureGate];
