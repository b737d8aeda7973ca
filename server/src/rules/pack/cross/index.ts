import type { RuleDefinition } from '../../types';
import { singleReplica } from './singleReplica';
import { pdbMissing } from './pdbMissing';
import { pdbSelectorMatchesNothing } from './pdbSelectorMatchesNothing';
import { pdbBlocksEviction } from './pdbBlocksEviction';
import { pdbOverHpaMin } from './pdbOverHpaMin';
import { pdbOverlapping } from './pdbOverlapping';
import { hpaTargetMissing } from './hpaTargetMissing';
import { hpaReplicasConflict } from './hpaReplicasConflict';
import { hpaMinReplicasLow } from './hpaMinReplicasLow';
import { hpaRequestsMissing } from './hpaRequestsMissing';
import { hpaVpaConflict } from './hpaVpaConflict';
import { kedaHpaConflict } from './kedaHpaConflict';
import { scaleTargetKind } from './scaleTargetKind';

import { serviceSelectorMatchesNothing } from './serviceSelectorMatchesNothing';
import { serviceTargetPortUnknown } from './serviceTargetPortUnknown';
import { statefulsetServiceMissing } from './statefulsetServiceMissing';
import { networkpolicySelectorMatchesNothing } from './networkpolicySelectorMatchesNothing';
import { networkpolicyMissing } from './networkpolicyMissing';
import { prometheusPortUnknown } from './prometheusPortUnknown';
import { configmapMissing } from './configmapMissing';
import { secretMissing } from './secretMissing';
import { serviceAccountMissing } from './serviceAccountMissing';
import { priorityClassMissing } from './priorityClassMissing';
import { quotaExceeded } from './quotaExceeded';
import { limitrangeViolation } from './limitrangeViolation';

/** Cross-document rules: they read the workspace index (the editor's workspace, or one CLI run). */
export const CROSS_RULES: readonly RuleDefinition[] = [singleReplica, pdbMissing, pdbSelectorMatchesNothing, pdbBlocksEviction, pdbOverHpaMin, pdbOverlapping, hpaTargetMissing, hpaReplicasConflict, hpaMinReplicasLow, hpaRequestsMissing, hpaVpaConflict, kedaHpaConflict, scaleTargetKind, serviceSelectorMatchesNothing, serviceTargetPortUnknown, statefulsetServiceMissing, networkpolicySelectorMatchesNothing, networkpolicyMissing, prometheusPortUnknown, configmapMissing, secretMissing, serviceAccountMissing, priorityClassMissing, quotaExceeded, limitrangeViolation];
