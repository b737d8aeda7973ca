import type { IndexedResource } from '../index/extract';
import { selects } from '../index/selector';
import { byLocation } from '../index/workspaceIndex';
import { findPair, getAt } from '../model/nodes';
import { compareCodeUnits } from '../model/types';
import { resourceLabel } from '../protocol';
import { readSelector } from '../rules/helpers';
import { templateLabels } from '../rules/podSpec';
import type { RuleContext, Target } from '../rules/types';
import type { RelatedLocation } from '../service/finding';
import type { TrackedIndex } from './trackedIndex';
import type { ObjectRef } from '../index/facts';
import { resourceMetrics } from '../index/facts';
import type { LabelSelector } from '../index/selector';

export { byLocation };

/** The namespace of the resource a cross-document rule is checking. */
export function selfNamespace(ctx: RuleContext, index: TrackedIndex): string {
  return index.namespaceOf(ctx.resource);
}

/** The labels of the pods the checked resource creates (empty when it creates none). */
export function selfPodLabels(ctx: RuleContext): Record<string, string> {
  const pod = ctx.podSpecs()[0];
  return pod ? templateLabels(pod, ctx.anchors) : {};
}

/** A related location pointing at another resource, labelled `Kind/name (namespace)`. */
export function relatedTo(r: IndexedResource, message?: string): RelatedLocation {
  return { uri: r.uri, range: r.selectionRange, message: message ?? resourceLabel(r) };
}

/** True when an index entry is the checked resource itself. */
export function isSelf(ctx: RuleContext, r: IndexedResource): boolean {
  return r.uri === ctx.env.uri && r.kind === ctx.resource.kind && r.name === ctx.resource.name && r.namespace === ctx.resource.namespace;
}

/** The HPAs and KEDA ScaledObjects in the namespace whose scale target is the checked workload. */
export function scalersOf(ctx: RuleContext, index: TrackedIndex): IndexedResource[] {
  return ctx.resource.name ? targeting(index, { kind: ctx.resource.kind, name: ctx.resource.name }, selfNamespace(ctx, index)) : [];
}

/** The PDBs in the namespace whose selector selects the checked workload's pods. */
export function pdbsOf(ctx: RuleContext, index: TrackedIndex): IndexedResource[] {
  const labels = selfPodLabels(ctx);
  if (!Object.keys(labels).length) return [];
  return index.find({ kind: 'PodDisruptionBudget', namespace: selfNamespace(ctx, index) }).filter((p) => p.selector && selects(p.selector, labels));
}

/** Where a finding about the resource as a whole goes: its `metadata.name` value, else its `kind:`. */
export function nameAnchor(ctx: RuleContext): Target {
  const pair = findPair(getAt(ctx.resource.node, ['metadata'], ctx.anchors), 'name', ctx.anchors);
  return (pair?.value as Target | undefined) ?? ctx.resource.kindSpan;
}

/** The checked resource's own `spec.selector` as data, if any. */
export function selfSelector(ctx: RuleContext) {
  return readSelector(ctx.at(['spec', 'selector']), ctx.anchors);
}

/** `Kind/name` of another resource and the file it is in, for messages. */
export function mention(r: IndexedResource): string {
  return `${r.kind}/${r.name ?? '?'} (${decodeURIComponent(r.uri.slice(r.uri.lastIndexOf('/') + 1))})`;
}

/** A label selector as kubectl writes it: `app=api,tier in (web,api),!canary`; `{}` when it is empty. */
export function selectorText(s: LabelSelector): string {
  const parts = Object.entries(s.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of s.matchExpressions ?? []) {
    const values = `(${(e.values ?? []).join(',')})`;
    parts.push(e.operator === 'In' ? `${e.key} in ${values}` : e.operator === 'NotIn' ? `${e.key} notin ${values}` : e.operator === 'Exists' ? e.key : `!${e.key}`);
  }
  return parts.length ? parts.join(',') : '{}';
}

/** The kind an autoscaler's target reference names; KEDA defaults it to Deployment. */
export function targetKind(ref: ObjectRef): string {
  return ref.kind ?? 'Deployment';
}

/** The checked autoscaler's target (`scaleTargetRef`, or a VPA's `targetRef`) and the node of its name. */
export function selfTarget(ctx: RuleContext): { ref: ObjectRef; at: Target } | undefined {
  const path = ['spec', ctx.resource.kind === 'VerticalPodAutoscaler' ? 'targetRef' : 'scaleTargetRef'];
  const at = ctx.at([...path, 'name']);
  const name = ctx.str([...path, 'name']);
  if (!at || !name) return undefined;
  return { ref: { name, kind: ctx.str([...path, 'kind']), apiVersion: ctx.str([...path, 'apiVersion']) }, at };
}

/** The resources in a namespace that a target reference names. */
export function targetsNamed(index: TrackedIndex, ref: ObjectRef, namespace: string): IndexedResource[] {
  return index.find({ kind: targetKind(ref), name: ref.name, namespace }).sort(byLocation);
}

/** The autoscalers of the given kinds in a namespace whose target reference names the same kind and name as `ref`. */
export function targeting(index: TrackedIndex, ref: ObjectRef, namespace: string, kinds = ['HorizontalPodAutoscaler', 'ScaledObject']): IndexedResource[] {
  return kinds.flatMap((kind) => index.find({ kind, namespace }).filter((s) => s.facts.target?.name === ref.name && targetKind(s.facts.target) === targetKind(ref))).sort(byLocation);
}

/** The HPAs and KEDA ScaledObjects whose scale target is the given workload (in its namespace). */
export function scalersFor(index: TrackedIndex, w: IndexedResource): IndexedResource[] {
  return w.name ? targeting(index, { kind: w.kind, name: w.name }, index.namespaceOf(w)) : [];
}

/** The fewest pods an autoscaler keeps while it runs the workload: minReplicas (default 1); a ScaledObject that is active keeps at least 1. */
export function scalerFloor(s: IndexedResource): number {
  return Math.max(s.facts.minReplicas ?? 1, 1);
}

/** The resources an autoscaler from the index scales on (an HPA without metrics: cpu, the API's default). */
export function scaledResources(s: IndexedResource): string[] {
  return [...new Set((s.facts.metrics ?? []).map((m) => m.resource))];
}

/** A resource metric of the checked HPA or ScaledObject, with where a finding about it goes. */
export interface SelfMetric {
  resource: string;
  type: string;
  container?: string;
  at: Target;
}

/** The checked autoscaler's resource metrics; an HPA without `metrics` gets the default CPU utilization metric (anchored on `targetCPUUtilizationPercentage` or `spec:`). */
export function selfMetrics(ctx: RuleContext): SelfMetric[] {
  const found: SelfMetric[] = resourceMetrics(ctx.resource.kind, ctx.at(['spec']), ctx.anchors).map((m) => ({ resource: m.resource, type: m.type, container: m.container, at: m.node }));
  if (found.length || ctx.resource.kind !== 'HorizontalPodAutoscaler' || ctx.pair(ctx.at(['spec']), 'metrics')) return found;
  return [{ resource: 'cpu', type: 'Utilization', at: ctx.pair(ctx.at(['spec']), 'targetCPUUtilizationPercentage') ?? ctx.specAnchor() }];
}

/** How many of `pods` a PDB requires to stay healthy, as the disruption controller resolves it (percentages round up); undefined without a readable budget. */
export function desiredHealthy(budget: { minAvailable?: string | number; maxUnavailable?: string | number }, pods: number): number | undefined {
  const scaled = (v: string | number) => {
    const m = /^(\d+)(%?)$/.exec(String(v).trim());
    return !m ? undefined : m[2] ? Math.ceil((Number(m[1]) * pods) / 100) : Number(m[1]);
  };
  if (budget.maxUnavailable !== undefined) {
    const unavailable = scaled(budget.maxUnavailable);
    return unavailable === undefined ? undefined : Math.max(pods - unavailable, 0);
  }
  return budget.minAvailable === undefined ? undefined : scaled(budget.minAvailable);
}

/** A workload a PDB covers, with the fewest pods it runs (its replicas, or its autoscalers' floor); null when not fixed (DaemonSet, Job, Pod). */
export interface CoveredWorkload {
  workload: IndexedResource;
  pods: number | null;
  scalers: IndexedResource[];
}

/** The workloads whose pods a selector selects in a namespace, with their pod counts. */
export function coveredWorkloads(index: TrackedIndex, selector: LabelSelector, namespace: string): CoveredWorkload[] {
  return index.selectedBy(selector, namespace).sort(byLocation).map((workload) => {
    if (workload.facts.replicas === undefined) return { workload, pods: null, scalers: [] };
    const scalers = scalersFor(index, workload);
    return { workload, scalers, pods: scalers.length ? Math.min(...scalers.map(scalerFloor)) : workload.facts.replicas ?? 1 };
  });
}

/** The ports the containers of a pod carrier declare. */
export function declaredPorts(r: IndexedResource): { name?: string; containerPort?: number }[] {
  return (r.facts.containers ?? []).flatMap((c) => c.ports);
}

/**
 * Reports a selector of the checked resource that selects no pods in its namespace (message args `name`,
 * `namespace`, `selector`; variant `closest` adds `closest`: the pod carriers matching part of it).
 * Silent when the namespace has no pod carriers in the workspace: its pods are defined elsewhere.
 */
export function reportSelectsNothing(ctx: RuleContext, index: TrackedIndex, written: LabelSelector, at: Target): void {
  const namespace = selfNamespace(ctx, index);
  const carriers = index.podCarriersIn(namespace);
  const selector = withoutControllerLabels(written);
  if (!carriers.length || index.selectedBy(selector, namespace).length || operatorOwnerOf(index, selector, namespace)) return;
  const wanted = Object.entries(selector.matchLabels ?? {});
  const near = carriers
    .filter((r) => wanted.some(([k, v]) => r.podLabels?.[k] === v))
    .sort((a, b) => compareCodeUnits(a.uri, b.uri) || a.document - b.document)
    .slice(0, 3);
  const args = { name: ctx.resource.name ?? '?', namespace, selector: selectorText(selector) };
  const labels = (r: IndexedResource) => selectorText({ matchLabels: Object.fromEntries(wanted.flatMap(([k]) => (r.podLabels?.[k] === undefined ? [] : [[k, r.podLabels[k]]]))) });
  if (!near.length) return ctx.report({ at, args });
  const closest = near.map((r) => `${mention(r)}: ${labels(r)}`).join('; ');
  ctx.report({ at, variant: 'closest', args: { ...args, closest }, related: near.map((r) => relatedTo(r, `${resourceLabel(r)}: ${labels(r)}`)) });
}

/** Pod labels that controllers add at run time, which no manifest's pod template carries. */
const CONTROLLER_LABELS = new Set([
  'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index',
  'controller-revision-hash',
  'pod-template-hash',
  'pod-template-generation',
  'job-name',
  'controller-uid',
  'batch.kubernetes.io/job-name',
  'batch.kubernetes.io/controller-uid',
  'batch.kubernetes.io/job-completion-index',
]);

/** A selector without the requirements on controller-added labels, which only the cluster can check. */
export function withoutControllerLabels(selector: LabelSelector): LabelSelector {
  return {
    matchLabels: Object.fromEntries(Object.entries(selector.matchLabels ?? {}).filter(([k]) => !CONTROLLER_LABELS.has(k))),
    matchExpressions: selector.matchExpressions?.filter((e) => !CONTROLLER_LABELS.has(e.key)),
  };
}

/** True when an apiVersion belongs to Kubernetes itself (core, or a built-in group), not to a CRD; true when absent. */
export function builtInApi(apiVersion: string | undefined): boolean {
  const group = apiVersion?.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  return !group.includes('.') || group.endsWith('.k8s.io');
}

/**
 * A custom resource in the namespace whose own labels the selector selects. Operators (Prometheus, Alertmanager,
 * database operators) create pods from such resources and usually give them these labels, so a selector that
 * matches no workload of the workspace may still match the pods they create.
 */
export function operatorOwnerOf(index: TrackedIndex, selector: LabelSelector, namespace: string): IndexedResource | undefined {
  return index.find({ namespace }).sort(byLocation).find((r) => !builtInApi(r.apiVersion) && Object.keys(r.labels).length && selects(selector, r.labels));
}
