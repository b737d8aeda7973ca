/** A feature gate's maturity from a minor on: `on` is its default (alpha gates are always off). */
export interface GateStage {
  stage: 'alpha' | 'beta' | 'ga';
  from: number;
  on: boolean;
}

/**
 * Where a gated field lives: `path` below the resource (`resource`, with `kinds`), a Job spec (`job`:
 * a Job's `spec` or a CronJob's `jobTemplate.spec`), each pod spec (`pod`), each container (`container`)
 * or each init container (`init`). `*` stands for every item of a list. `equals`/`unless` restrict the
 * field's scalar value.
 */
export interface GateUse {
  scope: 'resource' | 'job' | 'pod' | 'container' | 'init';
  kinds?: readonly string[];
  path: readonly string[];
  equals?: string;
  unless?: string;
}

/** A feature gate that guards manifest fields, with its stage per version and where its facts come from. */
export interface FeatureGate {
  gate: string;
  stages: readonly GateStage[];
  uses: readonly GateUse[];
  source: string;
}

const REF = 'Kubernetes feature-gates reference';
const alpha = (from: number): GateStage => ({ stage: 'alpha', from, on: false });
const beta = (from: number, on = true): GateStage => ({ stage: 'beta', from, on });
const ga = (from: number): GateStage => ({ stage: 'ga', from, on: true });
const job = (...fields: string[]): GateUse[] => fields.map((f) => ({ scope: 'job', path: [f] }));
const pod = (...path: string[]): GateUse => ({ scope: 'pod', path });
const container = (...path: string[]): GateUse => ({ scope: 'container', path });
const of = (kinds: readonly string[], ...path: string[]): GateUse => ({ scope: 'resource', kinds, path });
const HPA = ['HorizontalPodAutoscaler'];
const STS = ['StatefulSet'];
const AFFINITY_TERMS = ['podAffinity', 'podAntiAffinity'].flatMap((a) => [
  ['affinity', a, 'requiredDuringSchedulingIgnoredDuringExecution', '*'],
  ['affinity', a, 'preferredDuringSchedulingIgnoredDuringExecution', '*', 'podAffinityTerm'],
]);
const spread = (field: string): GateUse => pod('topologySpreadConstraints', '*', field);

/** Feature gates behind manifest fields of the workload APIs, as the feature-gates reference lists them. */
export const FEATURE_GATES: readonly FeatureGate[] = [
  { gate: 'SidecarContainers', stages: [alpha(28), beta(29), ga(33)], uses: [{ scope: 'init', path: ['restartPolicy'], equals: 'Always' }], source: `${REF}; 1.28 and 1.29 release notes` },
  { gate: 'JobBackoffLimitPerIndex', stages: [alpha(28), beta(29), ga(33)], uses: job('backoffLimitPerIndex', 'maxFailedIndexes'), source: REF },
  { gate: 'JobPodFailurePolicy', stages: [alpha(25), beta(26), ga(31)], uses: job('podFailurePolicy'), source: REF },
  { gate: 'JobSuccessPolicy', stages: [alpha(30), beta(31), ga(33)], uses: job('successPolicy'), source: REF },
  { gate: 'JobManagedBy', stages: [alpha(30), beta(32), ga(35)], uses: job('managedBy'), source: REF },
  { gate: 'JobPodReplacementPolicy', stages: [alpha(28), beta(29), ga(34)], uses: job('podReplacementPolicy'), source: REF },
  { gate: 'CronJobTimeZone', stages: [alpha(24), beta(25), ga(27)], uses: [of(['CronJob'], 'spec', 'timeZone')], source: REF },
  { gate: 'HPAContainerMetrics', stages: [alpha(20), beta(27), ga(30)], uses: [of(HPA, 'spec', 'metrics', '*', 'containerResource')], source: `${REF} (API descriptions still say alpha after 1.30)` },
  { gate: 'HPAConfigurableTolerance', stages: [alpha(33), beta(35, false)], uses: [of(HPA, 'spec', 'behavior', 'scaleUp', 'tolerance'), of(HPA, 'spec', 'behavior', 'scaleDown', 'tolerance')], source: REF },
  { gate: 'HPAScaleToZero', stages: [alpha(16)], uses: [{ ...of(HPA, 'spec', 'minReplicas'), equals: '0' }], source: REF },
  { gate: 'MaxUnavailableStatefulSet', stages: [alpha(24), beta(35)], uses: [of(STS, 'spec', 'updateStrategy', 'rollingUpdate', 'maxUnavailable')], source: REF },
  { gate: 'StatefulSetStartOrdinal', stages: [alpha(26), beta(27), ga(31)], uses: [of(STS, 'spec', 'ordinals')], source: REF },
  { gate: 'StatefulSetAutoDeletePVC', stages: [alpha(23), beta(27), ga(32)], uses: [of(STS, 'spec', 'persistentVolumeClaimRetentionPolicy')], source: REF },
  { gate: 'PDBUnhealthyPodEvictionPolicy', stages: [alpha(26), beta(27), ga(31)], uses: [of(['PodDisruptionBudget'], 'spec', 'unhealthyPodEvictionPolicy')], source: REF },
  { gate: 'ServiceTrafficDistribution', stages: [alpha(30), beta(31), ga(33)], uses: [of(['Service'], 'spec', 'trafficDistribution')], source: REF },
  { gate: 'CustomResourceFieldSelectors', stages: [alpha(30), beta(31), ga(32)], uses: [of(['CustomResourceDefinition'], 'spec', 'versions', '*', 'selectableFields')], source: `${REF}; 1.30 to 1.32 release notes` },
  { gate: 'PodSchedulingReadiness', stages: [alpha(26), beta(27), ga(30)], uses: [pod('schedulingGates')], source: REF },
  { gate: 'PodLevelResources', stages: [alpha(32), beta(34)], uses: [pod('resources')], source: REF },
  { gate: 'InPlacePodVerticalScaling', stages: [alpha(27), beta(33)], uses: [container('resizePolicy')], source: REF },
  { gate: 'UserNamespacesSupport', stages: [alpha(25), beta(30, false), beta(33)], uses: [{ ...pod('hostUsers'), equals: 'false' }], source: REF },
  { gate: 'AppArmorFields', stages: [beta(30), ga(31)], uses: [pod('securityContext', 'appArmorProfile'), container('securityContext', 'appArmorProfile')], source: `${REF}; 1.30 release notes` },
  { gate: 'ProcMountType', stages: [alpha(12), beta(31, false)], uses: [{ ...container('securityContext', 'procMount'), unless: 'Default' }], source: REF },
  { gate: 'SupplementalGroupsPolicy', stages: [alpha(31), beta(33)], uses: [pod('securityContext', 'supplementalGroupsPolicy')], source: REF },
  { gate: 'PodLifecycleSleepAction', stages: [alpha(29), beta(30), ga(34)], uses: [container('lifecycle', 'preStop', 'sleep'), container('lifecycle', 'postStart', 'sleep')], source: REF },
  { gate: 'PodLifecycleSleepActionAllowZero', stages: [alpha(32), beta(33), ga(34)], uses: ['preStop', 'postStart'].map((hook) => ({ ...container('lifecycle', hook, 'sleep', 'seconds'), equals: '0' })), source: REF },
  { gate: 'RecursiveReadOnlyMounts', stages: [alpha(30), beta(31), ga(33)], uses: [container('volumeMounts', '*', 'recursiveReadOnly')], source: REF },
  { gate: 'ImageVolume', stages: [alpha(31), beta(33)], uses: [pod('volumes', '*', 'image')], source: REF },
  { gate: 'DynamicResourceAllocation', stages: [alpha(26), beta(32, false), ga(34)], uses: [pod('resourceClaims'), container('resources', 'claims')], source: REF },
  { gate: 'MinDomainsInPodTopologySpread', stages: [alpha(24), beta(25, false), beta(27), ga(30)], uses: [spread('minDomains')], source: REF },
  { gate: 'MatchLabelKeysInPodTopologySpread', stages: [alpha(25), beta(27)], uses: [spread('matchLabelKeys')], source: REF },
  { gate: 'NodeInclusionPolicyInPodTopologySpread', stages: [alpha(25), beta(26), ga(33)], uses: [spread('nodeAffinityPolicy'), spread('nodeTaintsPolicy')], source: REF },
  { gate: 'MatchLabelKeysInPodAffinity', stages: [alpha(29), beta(31), ga(33)], uses: AFFINITY_TERMS.flatMap((t) => [pod(...t, 'matchLabelKeys'), pod(...t, 'mismatchLabelKeys')]), source: REF },
];

/** The gate's stage at a minor, or undefined before it existed. */
export function stageAt(gate: FeatureGate, minor: number): GateStage | undefined {
  let found: GateStage | undefined;
  for (const s of gate.stages) if (s.from <= minor) found = s;
  return found;
}

/** Minors of `minors` at which the gate exists but is off by default. */
export function offIn(gate: FeatureGate, minors: readonly number[]): number[] {
  return minors.filter((m) => stageAt(gate, m)?.on === false);
}
