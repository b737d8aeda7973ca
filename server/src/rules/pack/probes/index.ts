import type { RuleDefinition } from '../../types';
import { livenessProbeAggressive } from './livenessProbeAggressive';
import { livenessProbeMissing } from './livenessProbeMissing';
import { probePortUnknown } from './probePortUnknown';
import { probesIdentical } from './probesIdentical';
import { readinessProbeMissing } from './readinessProbeMissing';
import { startupProbeMissing } from './startupProbeMissing';

/** Probe rules. */
export const PROBE_RULES: readonly RuleDefinition[] = [
  readinessProbeMissing,
  livenessProbeMissing,
  startupProbeMissing,
  probesIdentical,
  probePortUnknown,
  livenessProbeAggressive,
];
