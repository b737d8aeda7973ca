import type { RuleDefinition } from '../../types';
import { privileged } from './privileged';

/** Security rules (the Pod Security Standards ones exact to the standard). */
export const SECURITY_RULES: readonly RuleDefinition[] = [privileged];
