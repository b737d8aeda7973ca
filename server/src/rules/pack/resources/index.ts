import type { RuleDefinition } from '../../types';
import { cpuLimitMissing } from './cpuLimitMissing';
import { cpuRequestMissing } from './cpuRequestMissing';
import { limitRequestRatio } from './limitRequestRatio';
import { memoryLimitMissing } from './memoryLimitMissing';
import { memoryRequestMissing } from './memoryRequestMissing';

/** Resource requests and limits rules. */
export const RESOURCE_RULES: readonly RuleDefinition[] = [
  cpuRequestMissing,
  memoryRequestMissing,
  memoryLimitMissing,
  cpuLimitMissing,
  limitRequestRatio,
];
