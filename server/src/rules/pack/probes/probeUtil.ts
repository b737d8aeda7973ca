import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { findPair, get, mapPairs, scalarText, type Anchors } from '../../../model/nodes';
import { items } from '../../helpers';
import type { ContainerView, PodSpecView } from '../../podSpec';

/** Kinds whose pods run until stopped: the probe rules apply to these, not to Jobs and CronJobs. */
export const LONG_RUNNING_KINDS: readonly string[] = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Pod'];

/** The three probe fields of a container. */
export const PROBE_FIELDS = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
export type ProbeField = (typeof PROBE_FIELDS)[number];

/** Probe timing with the API defaults applied (periodSeconds 10, timeoutSeconds 1, failureThreshold 3, initialDelaySeconds 0). */
export interface ProbeTiming {
  period: number;
  timeout: number;
  failure: number;
  initialDelay: number;
}

/** A probe's handler: which mechanism it uses and that mechanism's mapping. */
export interface ProbeHandler {
  type: 'httpGet' | 'tcpSocket' | 'grpc' | 'exec';
  node: YAMLMap;
}

/** A port a container declares in `ports`. */
export interface DeclaredPort {
  name?: string;
  number?: number;
}

/** The probe mapping under a container's field, aliases resolved. */
export function probeOf(c: ContainerView, field: ProbeField, anchors: Anchors): YAMLMap | undefined {
  const node = get(c.node, field, anchors);
  return isMap(node) ? node : undefined;
}

/** The handler a probe uses (the first one set; the API allows exactly one). */
export function probeHandler(probe: YAMLMap, anchors: Anchors): ProbeHandler | undefined {
  for (const type of ['httpGet', 'tcpSocket', 'grpc', 'exec'] as const) {
    const node = get(probe, type, anchors);
    if (isMap(node)) return { type, node };
  }
  return undefined;
}

function numberAt(map: YAMLMap, key: string, anchors: Anchors): number | undefined {
  const n = get(map, key, anchors);
  return isScalar(n) && typeof n.value === 'number' ? n.value : undefined;
}

/** A probe's timing, with the API defaults for fields that are not set (or not plain numbers). */
export function probeTiming(probe: YAMLMap, anchors: Anchors): ProbeTiming {
  return {
    period: numberAt(probe, 'periodSeconds', anchors) ?? 10,
    timeout: numberAt(probe, 'timeoutSeconds', anchors) ?? 1,
    failure: numberAt(probe, 'failureThreshold', anchors) ?? 3,
    initialDelay: numberAt(probe, 'initialDelaySeconds', anchors) ?? 0,
  };
}

/** The value node of a probe field, for anchoring a finding on it. */
export function probeValue(probe: YAMLMap, key: string, anchors: Anchors): Node | Pair | undefined {
  const pair = findPair(probe, key, anchors);
  if (!pair) return undefined;
  return isScalar(pair.value) ? pair.value : pair;
}

/** The ports a container declares, by name and number. */
export function declaredPorts(c: ContainerView, anchors: Anchors): DeclaredPort[] {
  return items(get(c.node, 'ports', anchors), anchors).map((p) => {
    const n = get(p, 'containerPort', anchors);
    return { name: scalarText(get(p, 'name', anchors)), number: isScalar(n) && typeof n.value === 'number' ? n.value : undefined };
  });
}

/** Every port number declared by any long-running container of the pod (they share one network namespace). */
export function podPortNumbers(pod: PodSpecView, anchors: Anchors): Set<number> {
  const out = new Set<number>();
  for (const c of pod.containers) {
    if (c.role === 'init' || c.role === 'ephemeral') continue;
    for (const p of declaredPorts(c, anchors)) if (p.number !== undefined) out.add(p.number);
  }
  return out;
}

/** A node as plain data (aliases and merge keys resolved, scalars as text), for comparing two probes. */
export function plain(node: unknown, anchors: Anchors, depth = 0): unknown {
  const n = anchors.resolve(node);
  if (depth > 32) return null;
  if (isMap(n)) {
    const out: Record<string, unknown> = {};
    for (const p of mapPairs(n, anchors)) {
      const k = scalarText(p.key);
      if (k !== undefined) out[k] = plain(p.value, anchors, depth + 1);
    }
    return out;
  }
  if (isSeq(n)) return n.items.map((i) => plain(i, anchors, depth + 1));
  return scalarText(n) ?? null;
}

/** JSON with sorted keys, so equal data gives equal text. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
