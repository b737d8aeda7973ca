import type { RuleDefinition } from '../../types';
import { antiAffinitySelectorMismatch } from './antiAffinitySelectorMismatch';
import { changeCauseMissing } from './changeCauseMissing';
import { maxUnavailableNotZero } from './maxUnavailableNotZero';
import { minReadySecondsMissing } from './minReadySecondsMissing';
import { prestopMissing } from './prestopMissing';
import { revisionHistoryZero } from './revisionHistoryZero';
import { terminationGraceTooShort } from './terminationGraceTooShort';
import { topologySpreadMissing } from './topologySpreadMissing';
import { topologySpreadSelectorMismatch } from './topologySpreadSelectorMismatch';

/** Rollout and availability rules. */
export const AVAILABILITY_RULES: readonly RuleDefinition[] = [
  maxUnavailableNotZero,
  minReadySecondsMissing,
  revisionHistoryZero,
  topologySpreadMissing,
  topologySpreadSelectorMismatch,
  antiAffinitySelectorMismatch,
  prestopMissing,
  terminationGraceTooShort,
  changeCauseMissing,
];
