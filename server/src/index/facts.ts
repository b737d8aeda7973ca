import { isMap, type Node } from 'yaml';
import { get, getAt, scalarText, type Anchors } from '../model/nodes';
import type { Resource } from '../model/resource';
import { items, stringMap } from '../rules/helpers';
import { podSpecOf, type ContainerRole } from '../rules/podSpec';

/** A reference to another object by kind and name (scaleTargetRef, targetRef). */
export interface ObjectRef {
  apiVersion?: string;
  kind?: string;
  name: string;
}

/** What the cross-document rules need to know of a container. */
export interface ContainerFacts {
  name: string;
  /** Where it runs: a regular container, an init container, or a sidecar (init with `restartPolicy: Always`). */
  role?: ContainerRole;
  ports: { name?: string; containerPort?: number }[];
  requests: Record<string, string>;
  limits: Record<string, string>;
}

/** Facts per kind that the cross-document rules and navigation read from the index. */
export interface ResourceFacts {
  /** spec.replicas of a workload (null when unset). */
  replicas?: number | null;
  containers?: ContainerFacts[];
  serviceAccountName?: string;
  priorityClassName?: string;
  configMaps?: string[];
  secrets?: string[];
  /** The Secret another kind creates (ExternalSecret target, SealedSecret, cert-manager Certificate). */
  providesSecret?: string;
  podAnnotations?: Record<string, string>;
  /** HPA, VPA and ScaledObject targets. */
  target?: ObjectRef;
  minReplicas?: number;
  maxReplicas?: number;
  /**
   * Resource metrics (`cpu`/`memory`, `Utilization` or other target types, a container for ContainerResource) of an
   * HPA, or of a ScaledObject's cpu/memory triggers; an HPA without `metrics` gets the API default, CPU utilization.
   */
  metrics?: { resource: string; type: string; container?: string }[];
  /** VPA update mode and the resources it controls. */
  updateMode?: string;
  controlledResources?: string[];
  /** The HPA a KEDA ScaledObject creates (or adopts): `advanced.horizontalPodAutoscalerConfig.name`, else `keda-hpa-<name>`. */
  kedaHpaName?: string;
  /** PDB budget. */
  minAvailable?: string | number;
  maxUnavailable?: string | number;
  /** Service ports and whether it is headless. */
  ports?: { name?: string; port?: number; targetPort?: string | number }[];
  headless?: boolean;
  /** StatefulSet governing Service. */
  serviceName?: string;
  /** ResourceQuota hard limits. */
  hard?: Record<string, string>;
  /** LimitRange container limits. */
  limitRanges?: { type: string; min: Record<string, string>; max: Record<string, string>; ratio: Record<string, string>; default: Record<string, string>; defaultRequest: Record<string, string> }[];
}

const num = (n: Node | undefined) => {
  const v = scalarText(n);
  return v !== undefined && /^-?\d+$/.test(v) ? Number(v) : undefined;
};
const intOrString = (n: Node | undefined) => {
  const v = scalarText(n);
  return v === undefined ? undefined : /^\d+$/.test(v) ? Number(v) : v;
};

/** Extracts the facts of one resource (cheap: a few path look-ups per kind). */
export function extractFacts(r: Resource, a: Anchors): ResourceFacts {
  const spec = get(r.node, 'spec', a);
  const facts: ResourceFacts = {};
  const pod = podSpecOf(r, a);
  if (pod) {
    if (r.kind !== 'Pod' && r.kind !== 'Job' && r.kind !== 'CronJob' && r.kind !== 'DaemonSet') facts.replicas = num(get(spec, 'replicas', a)) ?? null;
    facts.containers = pod.containers.filter((c) => c.role !== 'ephemeral').map((c) => ({
      name: c.name ?? '',
      role: c.role,
      ports: items(get(c.node, 'ports', a), a).map((p) => ({ name: scalarText(get(p, 'name', a)), containerPort: num(get(p, 'containerPort', a)) })),
      requests: stringMap(getAt(c.node, ['resources', 'requests'], a), a),
      limits: stringMap(getAt(c.node, ['resources', 'limits'], a), a),
    }));
    facts.serviceAccountName = scalarText(get(pod.spec, 'serviceAccountName', a));
    facts.priorityClassName = scalarText(get(pod.spec, 'priorityClassName', a));
    facts.podAnnotations = stringMap(get(pod.metadata, 'annotations', a), a);
    Object.assign(facts, referencedConfig(pod.spec, pod.containers.map((c) => c.node), a));
  }
  switch (r.kind) {
    case 'HorizontalPodAutoscaler':
    case 'ScaledObject':
    case 'VerticalPodAutoscaler': {
      const ref = get(spec, r.kind === 'VerticalPodAutoscaler' ? 'targetRef' : 'scaleTargetRef', a);
      const name = scalarText(get(ref, 'name', a));
      if (name) facts.target = { name, kind: scalarText(get(ref, 'kind', a)), apiVersion: scalarText(get(ref, 'apiVersion', a)) };
      facts.minReplicas = num(get(spec, r.kind === 'ScaledObject' ? 'minReplicaCount' : 'minReplicas', a));
      facts.maxReplicas = num(get(spec, r.kind === 'ScaledObject' ? 'maxReplicaCount' : 'maxReplicas', a));
      facts.metrics = resourceMetrics(r.kind, spec, a).map((m) => ({ resource: m.resource, type: m.type, container: m.container }));
      if (r.kind === 'HorizontalPodAutoscaler' && !get(spec, 'metrics', a)) facts.metrics = [{ resource: 'cpu', type: 'Utilization' }];
      facts.updateMode = scalarText(getAt(spec, ['updatePolicy', 'updateMode'], a));
      facts.controlledResources = controlledResources(spec, a);
      if (r.kind === 'ScaledObject') facts.kedaHpaName = scalarText(getAt(spec, ['advanced', 'horizontalPodAutoscalerConfig', 'name'], a)) ?? `keda-hpa-${r.name ?? ''}`;
      break;
    }
    case 'PodDisruptionBudget':
      facts.minAvailable = intOrString(get(spec, 'minAvailable', a));
      facts.maxUnavailable = intOrString(get(spec, 'maxUnavailable', a));
      break;
    case 'Service':
      facts.ports = items(get(spec, 'ports', a), a).map((p) => ({ name: scalarText(get(p, 'name', a)), port: num(get(p, 'port', a)), targetPort: intOrString(get(p, 'targetPort', a)) }));
      facts.headless = scalarText(get(spec, 'clusterIP', a)) === 'None';
      break;
    case 'StatefulSet':
      facts.serviceName = scalarText(get(spec, 'serviceName', a));
      break;
    case 'ResourceQuota':
      facts.hard = stringMap(get(spec, 'hard', a), a);
      break;
    case 'ExternalSecret':
      facts.providesSecret = scalarText(getAt(spec, ['target', 'name'], a)) ?? r.name ?? undefined;
      break;
    case 'SealedSecret':
      facts.providesSecret = scalarText(getAt(spec, ['template', 'metadata', 'name'], a)) ?? r.name ?? undefined;
      break;
    case 'Certificate':
      facts.providesSecret = scalarText(get(spec, 'secretName', a));
      break;
    case 'LimitRange':
      facts.limitRanges = items(get(spec, 'limits', a), a).map((l) => ({
        type: scalarText(get(l, 'type', a)) ?? '',
        min: stringMap(get(l, 'min', a), a),
        max: stringMap(get(l, 'max', a), a),
        ratio: stringMap(get(l, 'maxLimitRequestRatio', a), a),
        default: stringMap(get(l, 'default', a), a),
        defaultRequest: stringMap(get(l, 'defaultRequest', a), a),
      }));
      break;
  }
  return facts;
}

/** One reference from a pod spec to a ConfigMap or Secret: where the name is, and whether it is `optional: true`. */
export interface ConfigReference {
  kind: 'ConfigMap' | 'Secret';
  name: string;
  node: Node;
  optional: boolean;
}

/** Every ConfigMap and Secret reference of a pod spec: volumes, projected sources, imagePullSecrets, envFrom and env. */
export function configReferences(spec: Node, containers: Node[], a: Anchors): ConfigReference[] {
  const out: ConfigReference[] = [];
  const add = (kind: ConfigReference['kind'], ref: Node | undefined, key = 'name') => {
    const node = get(ref, key, a);
    const name = scalarText(node);
    if (name && node) out.push({ kind, name, node, optional: scalarText(get(ref, 'optional', a)) === 'true' });
  };
  for (const v of items(get(spec, 'volumes', a), a)) {
    add('ConfigMap', get(v, 'configMap', a));
    add('Secret', get(v, 'secret', a), 'secretName');
    for (const s of items(getAt(v, ['projected', 'sources'], a), a)) {
      add('ConfigMap', get(s, 'configMap', a));
      add('Secret', get(s, 'secret', a));
    }
  }
  for (const s of items(get(spec, 'imagePullSecrets', a), a)) add('Secret', s);
  for (const c of containers) {
    for (const e of items(get(c, 'envFrom', a), a)) {
      add('ConfigMap', get(e, 'configMapRef', a));
      add('Secret', get(e, 'secretRef', a));
    }
    for (const e of items(get(c, 'env', a), a)) {
      const from = get(e, 'valueFrom', a);
      if (!isMap(from)) continue;
      add('ConfigMap', get(from, 'configMapKeyRef', a));
      add('Secret', get(from, 'secretKeyRef', a));
    }
  }
  return out;
}

function referencedConfig(spec: Node, containers: Node[], a: Anchors): Pick<ResourceFacts, 'configMaps' | 'secrets'> {
  const refs = configReferences(spec, containers, a);
  const names = (kind: ConfigReference['kind']) => [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.name))];
  return { configMaps: names('ConfigMap'), secrets: names('Secret') };
}

/** A resource metric an autoscaler scales on, with the node that names the resource. */
export interface ResourceMetric {
  /** `cpu`, `memory`, or another resource name. */
  resource: string;
  /** The target type: `Utilization`, `AverageValue`, ... (empty when unset). */
  type: string;
  /** The one container a ContainerResource metric (or a KEDA trigger's `containerName`) reads. */
  container?: string;
  node: Node;
}

/**
 * The resource metrics of an HPA (`Resource` and `ContainerResource` entries of `spec.metrics`) or of a
 * KEDA ScaledObject (its `cpu` and `memory` triggers, whose metricType defaults to the legacy `metadata.type`).
 */
export function resourceMetrics(kind: string, spec: Node | undefined, a: Anchors): ResourceMetric[] {
  if (kind === 'ScaledObject') {
    return items(get(spec, 'triggers', a), a).flatMap((t) => {
      const node = get(t, 'type', a);
      const resource = scalarText(node);
      if (!node || (resource !== 'cpu' && resource !== 'memory')) return [];
      const type = scalarText(get(t, 'metricType', a)) ?? scalarText(getAt(t, ['metadata', 'type'], a)) ?? '';
      return [{ resource, type, container: scalarText(getAt(t, ['metadata', 'containerName'], a)), node }];
    });
  }
  return items(get(spec, 'metrics', a), a).flatMap((m) => {
    const type = scalarText(get(m, 'type', a));
    const src = get(m, type === 'ContainerResource' ? 'containerResource' : 'resource', a);
    const node = get(src, 'name', a);
    const resource = scalarText(node);
    if (!node || !resource) return [];
    return [{ resource, type: scalarText(getAt(src, ['target', 'type'], a)) ?? '', container: scalarText(get(src, 'container', a)), node }];
  });
}

/**
 * The resources a VerticalPodAutoscaler controls: per container policy its `controlledResources` (default cpu
 * and memory), skipping policies with `mode: Off`; containers without a policy (no `*` policy) get the default.
 */
export function controlledResources(spec: Node | undefined, a: Anchors): string[] {
  const policies = items(getAt(spec, ['resourcePolicy', 'containerPolicies'], a), a);
  const out = new Set<string>(policies.some((p) => scalarText(get(p, 'containerName', a)) === '*') ? [] : ['cpu', 'memory']);
  for (const p of policies) {
    if (scalarText(get(p, 'mode', a)) === 'Off') continue;
    const listed = items(get(p, 'controlledResources', a), a).map((x) => scalarText(x) ?? '');
    for (const r of listed.length ? listed : ['cpu', 'memory']) out.add(r);
  }
  return [...out];
}
