import type { RuleDefinition } from '../../types';
import { backoffLimitPerIndexNeedsIndexed } from './backoffLimitPerIndexNeedsIndexed';
import { cronjobScheduleInvalid } from './cronjobScheduleInvalid';
import { cronjobTimezoneInvalid } from './cronjobTimezoneInvalid';
import { duplicateContainerName } from './duplicateContainerName';
import { duplicateContainerPort } from './duplicateContainerPort';
import { duplicateMountPath } from './duplicateMountPath';
import { hpaMinAboveMax } from './hpaMinAboveMax';
import { jobRestartPolicy } from './jobRestartPolicy';
import { labelInvalid } from './labelInvalid';
import { limitsBelowRequests } from './limitsBelowRequests';
import { nameInvalid } from './nameInvalid';
import { podFailurePolicyRestartPolicy } from './podFailurePolicyRestartPolicy';
import { portNameInvalid } from './portNameInvalid';
import { progressDeadlineNotAboveMinReady } from './progressDeadlineNotAboveMinReady';
import { rollingUpdateNoProgress } from './rollingUpdateNoProgress';
import { selectorMismatch } from './selectorMismatch';
import { volumeMountUndefined } from './volumeMountUndefined';

/** Rules for what the API server would reject. */
export const API_RULES: readonly RuleDefinition[] = [
  selectorMismatch,
  rollingUpdateNoProgress,
  progressDeadlineNotAboveMinReady,
  jobRestartPolicy,
  podFailurePolicyRestartPolicy,
  backoffLimitPerIndexNeedsIndexed,
  hpaMinAboveMax,
  limitsBelowRequests,
  duplicateContainerName,
  duplicateContainerPort,
  volumeMountUndefined,
  duplicateMountPath,
  portNameInvalid,
  nameInvalid,
  labelInvalid,
  cronjobScheduleInvalid,
  cronjobTimezoneInvalid,
];
