import type { RuleDefinition } from '../../types';
import { appArmorProfile } from './appArmorProfile';
import { automountToken } from './automountToken';
import { capabilitiesAdded } from './capabilitiesAdded';
import { capabilitiesDropAll } from './capabilitiesDropAll';
import { hostNamespaces } from './hostNamespaces';
import { hostPath } from './hostPath';
import { hostPort } from './hostPort';
import { imagePullPolicy } from './imagePullPolicy';
import { imageTagLatest } from './imageTagLatest';
import { namespacePssMissing } from './namespacePssMissing';
import { privileged } from './privileged';
import { privilegeEscalation } from './privilegeEscalation';
import { procMount } from './procMount';
import { readOnlyRootFs } from './readOnlyRootFs';
import { runAsNonRoot } from './runAsNonRoot';
import { seccompProfile } from './seccompProfile';
import { secretInEnvValue } from './secretInEnvValue';
import { seLinuxOptions } from './seLinuxOptions';
import { unsafeSysctls } from './unsafeSysctls';

/** Security rules (the Pod Security Standards ones exact to the standard). */
export const SECURITY_RULES: readonly RuleDefinition[] = [
  privileged,
  hostNamespaces,
  hostPath,
  hostPort,
  capabilitiesAdded,
  procMount,
  seLinuxOptions,
  appArmorProfile,
  unsafeSysctls,
  seccompProfile,
  runAsNonRoot,
  privilegeEscalation,
  capabilitiesDropAll,
  readOnlyRootFs,
  automountToken,
  namespacePssMissing,
  imageTagLatest,
  imagePullPolicy,
  secretInEnvValue,
];
