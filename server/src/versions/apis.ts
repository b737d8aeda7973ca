import type { Localized } from '../service/messages';

/**
 * One API version (optionally only some of its kinds) that is deprecated or no longer served.
 * Written in our own words from the sources each entry names.
 */
export interface ApiLifecycle {
  apiVersion: string;
  /** Kinds this entry covers; every kind of the apiVersion when absent. */
  kinds?: readonly string[];
  /** First minor that marks it deprecated (still served), when known. */
  deprecated?: number;
  /** First minor that no longer serves it. */
  removed?: number;
  /** The apiVersion to move to. */
  replacement?: string;
  /** What to do instead when no apiVersion replaces it. */
  instead?: Localized;
  /** Where the facts come from. */
  source: string;
}

const GUIDE = 'Kubernetes deprecated API migration guide';
const STORE = 'schema store (cdk8s-plus-26…34 type graphs: last minor that serves it)';
const WORKLOADS = ['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet', 'ControllerRevision'];
const FLOW = ['FlowSchema', 'PriorityLevelConfiguration'];
const DRA_V1ALPHA3 = ['DeviceClass', 'ResourceClaim', 'ResourceClaimTemplate', 'ResourceSlice'];
const PSA: Localized = {
  en: 'enforce Pod Security Standards with Pod Security Admission (pod-security.kubernetes.io/* namespace labels) or a policy engine',
  'zh-CN': '改用 Pod Security Admission（命名空间标签 pod-security.kubernetes.io/*）或策略引擎来落实 Pod 安全标准',
};

/** Deprecated and removed API versions, newest removals first. */
export const API_LIFECYCLE: readonly ApiLifecycle[] = [
  { apiVersion: 'admissionregistration.k8s.io/v1beta1', kinds: ['ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding'], deprecated: 30, removed: 34, replacement: 'admissionregistration.k8s.io/v1', source: `v1 GA in 1.30 (release notes); ${STORE}` },
  { apiVersion: 'resource.k8s.io/v1alpha3', kinds: DRA_V1ALPHA3, removed: 34, replacement: 'resource.k8s.io/v1', source: `DRA v1 GA in 1.34 (release notes); ${STORE}` },
  { apiVersion: 'authentication.k8s.io/v1beta1', kinds: ['SelfSubjectReview'], deprecated: 28, removed: 33, replacement: 'authentication.k8s.io/v1', source: `v1 GA in 1.28 (release notes); ${STORE}` },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kinds: FLOW, deprecated: 29, removed: 32, replacement: 'flowcontrol.apiserver.k8s.io/v1', source: `${GUIDE} (v1.32)` },
  { apiVersion: 'admissionregistration.k8s.io/v1alpha1', kinds: ['ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding'], removed: 32, replacement: 'admissionregistration.k8s.io/v1', source: STORE },
  { apiVersion: 'authentication.k8s.io/v1alpha1', kinds: ['SelfSubjectReview'], removed: 32, replacement: 'authentication.k8s.io/v1', source: STORE },
  { apiVersion: 'coordination.k8s.io/v1alpha1', kinds: ['LeaseCandidate'], removed: 32, replacement: 'coordination.k8s.io/v1alpha2', source: STORE },
  { apiVersion: 'resource.k8s.io/v1alpha3', kinds: ['PodSchedulingContext'], removed: 32, instead: { en: 'claims are allocated by the scheduler from ResourceSlices (resource.k8s.io/v1beta1 or later)', 'zh-CN': '改由调度器根据 ResourceSlice 分配资源声明（resource.k8s.io/v1beta1 或更新版本）' }, source: STORE },
  { apiVersion: 'resource.k8s.io/v1alpha2', removed: 31, replacement: 'resource.k8s.io/v1beta1', source: `structured-parameters DRA replaced v1alpha2 in 1.31 (release notes); ${STORE}` },
  { apiVersion: 'networking.k8s.io/v1alpha1', kinds: ['IPAddress', 'ServiceCIDR'], removed: 31, replacement: 'networking.k8s.io/v1', source: `v1beta1 in 1.31, v1 GA in 1.33 (release notes); ${STORE}` },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', kinds: FLOW, deprecated: 26, removed: 29, replacement: 'flowcontrol.apiserver.k8s.io/v1', source: `${GUIDE} (v1.29)` },
  { apiVersion: 'networking.k8s.io/v1alpha1', kinds: ['ClusterCIDR'], removed: 29, instead: { en: 'the alpha API was dropped; configure pod CIDRs on the controller manager or with your CNI plugin', 'zh-CN': '该 alpha API 已被撤销；请在 controller-manager 或 CNI 插件中配置 Pod CIDR' }, source: `1.29 release notes; ${STORE}` },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIStorageCapacity'], deprecated: 24, removed: 27, replacement: 'storage.k8s.io/v1', source: `${GUIDE} (v1.27)` },
  { apiVersion: 'resource.k8s.io/v1alpha1', removed: 27, replacement: 'resource.k8s.io/v1beta1', source: `v1alpha2 replaced it in 1.27 (release notes); ${STORE}` },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', kinds: FLOW, deprecated: 23, removed: 26, replacement: 'flowcontrol.apiserver.k8s.io/v1', source: `${GUIDE} (v1.26)` },
  { apiVersion: 'autoscaling/v2beta2', kinds: ['HorizontalPodAutoscaler'], deprecated: 23, removed: 26, replacement: 'autoscaling/v2', source: `${GUIDE} (v1.26)` },
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], deprecated: 21, removed: 25, replacement: 'batch/v1', source: `${GUIDE} (v1.25)` },
  { apiVersion: 'discovery.k8s.io/v1beta1', kinds: ['EndpointSlice'], deprecated: 21, removed: 25, replacement: 'discovery.k8s.io/v1', source: `${GUIDE} (v1.25)` },
  { apiVersion: 'events.k8s.io/v1beta1', kinds: ['Event'], deprecated: 22, removed: 25, replacement: 'events.k8s.io/v1', source: `${GUIDE} (v1.25)` },
  { apiVersion: 'autoscaling/v2beta1', kinds: ['HorizontalPodAutoscaler'], deprecated: 22, removed: 25, replacement: 'autoscaling/v2', source: `${GUIDE} (v1.25)` },
  { apiVersion: 'policy/v1beta1', kinds: ['PodDisruptionBudget'], deprecated: 21, removed: 25, replacement: 'policy/v1', source: `${GUIDE} (v1.25)` },
  { apiVersion: 'policy/v1beta1', kinds: ['PodSecurityPolicy'], deprecated: 21, removed: 25, instead: PSA, source: `${GUIDE} (v1.25)` },
  { apiVersion: 'node.k8s.io/v1beta1', kinds: ['RuntimeClass'], deprecated: 20, removed: 25, replacement: 'node.k8s.io/v1', source: `${GUIDE} (v1.25)` },
  { apiVersion: 'admissionregistration.k8s.io/v1beta1', kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], removed: 22, replacement: 'admissionregistration.k8s.io/v1', source: `${GUIDE} (v1.22)` },
  { apiVersion: 'apiextensions.k8s.io/v1beta1', kinds: ['CustomResourceDefinition'], removed: 22, replacement: 'apiextensions.k8s.io/v1', source: `${GUIDE} (v1.22)` },
  { apiVersion: 'apiregistration.k8s.io/v1beta1', kinds: ['APIService'], removed: 22, replacement: 'apiregistration.k8s.io/v1', source: `${GUIDE} (v1.22)` },
  { apiVersion: 'authentication.k8s.io/v1beta1', kinds: ['TokenReview'], removed: 22, replacement: 'authentication.k8s.io/v1', source: `${GUIDE} (v1.22)` },
  { apiVersion: 'authorization.k8s.io/v1beta1', removed: 22, replacement: 'authorization.k8s.io/v1', source: `${GUIDE} (v1.22)` },
  { apiVersion: 'certificates.k8s.io/v1beta1', kinds: ['CertificateSigningRequest'], removed: 22, replacement: 'certificates.k8s.io/v1', source: `${GUIDE} (v1.22)` },
  { apiVersion: 'coordination.k8s.io/v1beta1', kinds: ['Lease'], removed: 22, replacement: 'coordination.k8s.io/v1', source: `${GUIDE} (v1.22)` },
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], removed: 22, replacement: 'networking.k8s.io/v1', source: `${GUIDE} (v1.22)` },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['Ingress', 'IngressClass'], removed: 22, replacement: 'networking.k8s.io/v1', source: `${GUIDE} (v1.22)` },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', removed: 22, replacement: 'rbac.authorization.k8s.io/v1', source: `${GUIDE} (v1.22)` },
  { apiVersion: 'scheduling.k8s.io/v1beta1', kinds: ['PriorityClass'], removed: 22, replacement: 'scheduling.k8s.io/v1', source: `${GUIDE} (v1.22)` },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], removed: 22, replacement: 'storage.k8s.io/v1', source: `${GUIDE} (v1.22)` },
  { apiVersion: 'extensions/v1beta1', kinds: ['Deployment', 'DaemonSet', 'ReplicaSet'], removed: 16, replacement: 'apps/v1', source: `${GUIDE} (v1.16)` },
  { apiVersion: 'extensions/v1beta1', kinds: ['NetworkPolicy'], removed: 16, replacement: 'networking.k8s.io/v1', source: `${GUIDE} (v1.16)` },
  { apiVersion: 'extensions/v1beta1', kinds: ['PodSecurityPolicy'], removed: 16, instead: PSA, source: `${GUIDE} (v1.16; its policy/v1beta1 successor went in 1.25)` },
  { apiVersion: 'apps/v1beta1', kinds: WORKLOADS, removed: 16, replacement: 'apps/v1', source: `${GUIDE} (v1.16)` },
  { apiVersion: 'apps/v1beta2', kinds: WORKLOADS, removed: 16, replacement: 'apps/v1', source: `${GUIDE} (v1.16)` },
  { apiVersion: 'v1', kinds: ['Endpoints'], deprecated: 33, replacement: 'discovery.k8s.io/v1 EndpointSlice', source: '1.33 release notes (Endpoints API deprecated in favour of EndpointSlice, still served)' },
  { apiVersion: 'v1', kinds: ['ComponentStatus'], deprecated: 19, instead: { en: 'query the components\' health endpoints (/livez, /readyz) instead', 'zh-CN': '请改为查询各组件的健康检查端点（/livez、/readyz）' }, source: '1.19 release notes (ComponentStatus deprecated, still served)' },
];

/** The lifecycle entry for a resource's apiVersion and kind, if any. */
export function apiLifecycle(apiVersion: string, kind: string): ApiLifecycle | undefined {
  return API_LIFECYCLE.find((e) => e.apiVersion === apiVersion && (!e.kinds || e.kinds.includes(kind)));
}
