import { isMap, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { findPair, get, getAt, scalarText, type Anchors } from '../model/nodes';
import type { Resource } from '../model/resource';
import type { NodePath } from '../model/types';

/** How a pod spec's pods live: a bare Pod, a long-running controller, or a run-to-completion Job. */
export type WorkloadClass = 'pod' | 'service' | 'job';

/** Where a container sits in its pod spec. Sidecars are init containers with `restartPolicy: Always`. */
export type ContainerRole = 'container' | 'init' | 'sidecar' | 'ephemeral';

/** One container of a pod spec. */
export interface ContainerView {
  node: YAMLMap;
  name: string | undefined;
  role: ContainerRole;
  /** Index in its list (`containers`, `initContainers` or `ephemeralContainers`). */
  index: number;
  /** Path from the resource root. */
  path: NodePath;
  /** The `- name:` pair, where findings about a missing field go (the mapping itself when unnamed). */
  anchor: Pair | YAMLMap;
}

/** A pod spec carried by a resource, with its template metadata and its containers. */
export interface PodSpecView {
  spec: YAMLMap;
  /** The `spec:` pair of the pod template (or of the Pod), where findings about a missing field go. */
  specPair: Pair | undefined;
  /** The pod template's metadata (the Pod's own for a Pod). */
  metadata: YAMLMap | undefined;
  /** Path of the pod spec from the resource root. */
  path: NodePath;
  workload: WorkloadClass;
  /** Every container: regular, init, sidecar and ephemeral. */
  containers: ContainerView[];
}

const SPEC_PATHS: Record<string, { template: NodePath; workload: WorkloadClass }> = {
  Pod: { template: [], workload: 'pod' },
  Deployment: { template: ['spec', 'template'], workload: 'service' },
  ReplicaSet: { template: ['spec', 'template'], workload: 'service' },
  ReplicationController: { template: ['spec', 'template'], workload: 'service' },
  StatefulSet: { template: ['spec', 'template'], workload: 'service' },
  DaemonSet: { template: ['spec', 'template'], workload: 'service' },
  Job: { template: ['spec', 'template'], workload: 'job' },
  CronJob: { template: ['spec', 'jobTemplate', 'spec', 'template'], workload: 'job' },
};

/** Kinds that carry a pod template. */
export const POD_CARRIERS: readonly string[] = Object.keys(SPEC_PATHS);

const views = new WeakMap<YAMLMap, PodSpecView | null>();

/**
 * The pod spec of a resource, if its kind carries one. Worked out once per resource node and shared by the index,
 * the rules and the fixes, which must not change it (an edit re-parses the path it touches into new nodes).
 */
export function podSpecOf(r: Resource, anchors: Anchors): PodSpecView | undefined {
  const known = views.get(r.node);
  if (known !== undefined) return known ?? undefined;
  const view = readPodSpec(r, anchors);
  views.set(r.node, view ?? null);
  return view;
}

function readPodSpec(r: Resource, anchors: Anchors): PodSpecView | undefined {
  const where = SPEC_PATHS[r.kind];
  if (!where) return undefined;
  const template = getAt(r.node, where.template, anchors);
  const spec = get(template, 'spec', anchors);
  if (!isMap(spec)) return undefined;
  const metadata = get(template, 'metadata', anchors);
  const path = [...where.template, 'spec'];
  return {
    spec,
    specPair: findPair(template, 'spec', anchors),
    metadata: isMap(metadata) ? metadata : undefined,
    path,
    workload: where.workload,
    containers: containersOf(spec, path, anchors),
  };
}

function containersOf(spec: YAMLMap, specPath: NodePath, anchors: Anchors): ContainerView[] {
  const out: ContainerView[] = [];
  for (const list of ['initContainers', 'containers', 'ephemeralContainers'] as const) {
    const seq = get(spec, list, anchors);
    if (!isSeq(seq)) continue;
    seq.items.forEach((item, index) => {
      const node = anchors.resolve(item);
      if (!isMap(node)) return;
      const role: ContainerRole =
        list === 'containers' ? 'container' : list === 'ephemeralContainers' ? 'ephemeral' : scalarText(get(node, 'restartPolicy', anchors)) === 'Always' ? 'sidecar' : 'init';
      out.push({
        node,
        name: scalarText(get(node, 'name', anchors)),
        role,
        index,
        path: [...specPath, list, index],
        anchor: findPair(node, 'name', anchors) ?? node,
      });
    });
  }
  return out;
}

/** The containers that run for the pod's whole life and serve traffic: regular containers and sidecars. */
export function longRunning(view: PodSpecView): ContainerView[] {
  return view.containers.filter((c) => c.role === 'container' || c.role === 'sidecar');
}

/** Labels of a pod template's metadata. */
export function templateLabels(view: PodSpecView, anchors: Anchors): Record<string, string> {
  const labels = get(view.metadata, 'labels', anchors);
  const out: Record<string, string> = {};
  if (isMap(labels)) for (const p of labels.items) {
    const k = scalarText(p.key);
    const v = scalarText(anchors.resolve(p.value as Node));
    if (k !== undefined && v !== undefined) out[k] = v;
  }
  return out;
}

/** How messages name a container: its name, else its position. */
export function containerLabel(c: ContainerView): string {
  return c.name ?? `#${c.index + 1}`;
}
