import type { IndexedResource } from '../index/extract';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import { namespaceOf } from '../index/workspaceIndex';
import type { Locale } from '../model/types';
import type { CursorContext } from './context';
import { tr, type Proposal } from './types';

const WORKLOADS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'];
const SCALABLE = ['Deployment', 'StatefulSet', 'ReplicaSet'];
const SELECTING = new Set(['PodDisruptionBudget', 'Service', 'NetworkPolicy', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);

/** Where the cursor's document is: its kind, namespace and URI. */
export interface DocumentPlace {
  kind?: string;
  namespace: string;
  uri?: string;
  /** The resources of the document's own file, as the index would hold them (computed on demand). */
  own(): readonly IndexedResource[];
}

function names(index: WorkspaceIndex, kind: string, ns: string | undefined, ctx: CursorContext, locale: Locale): Proposal[] {
  const seen = new Set<string>();
  const out: Proposal[] = [];
  for (const r of index.find(ns === undefined ? { kind } : { kind, namespace: ns })) {
    if (!r.name || seen.has(r.name)) continue;
    seen.add(r.name);
    out.push({ label: r.name, kind: 'reference', detail: tr(locale, `${kind} in the workspace`, `工作区中的 ${kind}`), insertText: r.name, sortText: `0_${r.name}`, range: ctx.range });
  }
  return out;
}

function workloadsIn(index: WorkspaceIndex, ns: string, kinds: string[], self?: string): IndexedResource[] {
  return kinds.flatMap((kind) => index.find({ kind, namespace: ns })).filter((r) => r.name && r.uri + r.document !== self);
}

/** Label pairs of the pods of workloads in the namespace, for selectors. */
function labelPairs(index: WorkspaceIndex, place: DocumentPlace, ctx: CursorContext, locale: Locale): Proposal[] {
  const pairs = new Map<string, string[]>();
  for (const r of workloadsIn(index, place.namespace, WORKLOADS)) {
    for (const [k, v] of Object.entries(r.podLabels ?? {})) {
      const key = `${k}: ${v}`;
      pairs.set(key, [...(pairs.get(key) ?? []), `${r.kind}/${r.name}`]);
    }
  }
  return [...pairs].map(([pair, owners]) => ({
    label: pair,
    kind: 'reference',
    detail: tr(locale, `labels of ${owners.join(', ')}`, `${owners.join('、')} 的标签`),
    insertText: pair,
    filterText: pair,
    sortText: `0_${pair}`,
    range: ctx.range,
  }));
}

/** Label pairs that select namespaces: each known namespace's name label, and the labels of Namespace resources. */
function namespaceLabelPairs(index: WorkspaceIndex, ctx: CursorContext, locale: Locale): Proposal[] {
  const pairs = new Map<string, string>();
  for (const r of index.find({})) {
    const ns = r.kind === 'Namespace' ? r.name : namespaceOf(r);
    if (ns) pairs.set(`kubernetes.io/metadata.name: ${ns}`, ns);
    if (r.kind === 'Namespace' && r.name) for (const [k, v] of Object.entries(r.labels)) pairs.set(`${k}: ${v}`, r.name);
  }
  return [...pairs].map(([pair, ns]) => ({
    label: pair,
    kind: 'reference',
    detail: tr(locale, `selects namespace ${ns}`, `选择命名空间 ${ns}`),
    insertText: pair,
    filterText: pair,
    sortText: `0_${pair}`,
    range: ctx.range,
  }));
}

/** The workloads a `scaleTargetRef` may point at, each setting apiVersion, kind and name together. */
function scaleTargets(index: WorkspaceIndex, place: DocumentPlace, ctx: CursorContext, locale: Locale): Proposal[] {
  const pad = ' '.repeat(Math.max(0, ctx.column - ctx.lineIndent));
  return workloadsIn(index, place.namespace, SCALABLE).map((r) => {
    const fields = [`apiVersion: ${r.apiVersion}`, `kind: ${r.kind}`, `name: ${r.name}`];
    return {
      label: `${r.kind} ${r.name}`,
      kind: 'reference',
      detail: tr(locale, `${r.apiVersion} in ${namespaceOf(r)}`, `${r.apiVersion}，命名空间 ${namespaceOf(r)}`),
      insertText: ctx.flow ? fields.join(', ') : fields.join(`\n${pad}`),
      filterText: `${r.kind} ${r.name}`,
      sortText: `0_${r.kind}_${r.name}`,
      range: ctx.range,
    };
  });
}

/** Container names of the workload an HPA targets, or of the document's own workload. */
function containerNames(index: WorkspaceIndex, place: DocumentPlace, ctx: CursorContext, locale: Locale): Proposal[] {
  const own = place.own();
  const hpa = own.find((r) => r.kind === 'HorizontalPodAutoscaler');
  const target = hpa?.facts.target;
  const sources = target ? index.find({ kind: target.kind, name: target.name, namespace: place.namespace }) : own.filter((r) => r.facts.containers);
  const seen = new Set<string>();
  return sources.flatMap((r) => r.facts.containers ?? []).filter((c) => c.name && !seen.has(c.name) && seen.add(c.name)).map((c) => ({
    label: c.name,
    kind: 'reference' as const,
    detail: tr(locale, 'container', '容器'),
    insertText: c.name,
    range: ctx.range,
  }));
}

/** Named ports declared by the document's containers (probes) or by the pods a Service selects. */
function portNames(index: WorkspaceIndex, place: DocumentPlace, ctx: CursorContext): Proposal[] {
  const own = place.own();
  const svc = place.kind === 'Service' ? own.find((r) => r.kind === 'Service') : undefined;
  const sources = svc?.selector ? index.selectedBy(svc.selector, place.namespace) : own;
  const seen = new Set<string>();
  const out: Proposal[] = [];
  for (const c of sources.flatMap((r) => r.facts.containers ?? [])) {
    for (const p of c.ports) {
      if (!p.name || seen.has(p.name)) continue;
      seen.add(p.name);
      out.push({ label: p.name, kind: 'reference', detail: `${c.name}:${p.containerPort ?? ''}`, insertText: p.name, sortText: `0_${p.name}`, range: ctx.range });
    }
  }
  return out;
}

/** Proposals from the workspace index for the cursor's place. */
export function workspaceProposals(index: WorkspaceIndex, place: DocumentPlace, ctx: CursorContext, locale: Locale): Proposal[] {
  const last = ctx.path[ctx.path.length - 1];
  const ns = place.namespace;
  if (ctx.mode === 'key') {
    if (last === 'matchLabels' && ctx.path[ctx.path.length - 2] === 'namespaceSelector') return namespaceLabelPairs(index, ctx, locale);
    if (last === 'matchLabels' || (place.kind === 'Service' && last === 'selector')) return SELECTING.has(place.kind ?? '') ? labelPairs(index, place, ctx, locale) : [];
    if (last === 'scaleTargetRef' && !ctx.siblings.size) return scaleTargets(index, place, ctx, locale);
    return [];
  }
  if (ctx.mode !== 'value') return [];
  const key = ctx.key;
  if (key === 'serviceAccountName' || key === 'serviceAccount') return names(index, 'ServiceAccount', ns, ctx, locale);
  if (key === 'priorityClassName') return names(index, 'PriorityClass', undefined, ctx, locale);
  if (key === 'serviceName' && place.kind === 'StatefulSet') return names(index, 'Service', ns, ctx, locale);
  if (key === 'name' && (last === 'configMapRef' || last === 'configMapKeyRef' || last === 'configMap')) return names(index, 'ConfigMap', ns, ctx, locale);
  if ((key === 'name' && (last === 'secretRef' || last === 'secretKeyRef')) || (key === 'secretName' && last === 'secret')) return names(index, 'Secret', ns, ctx, locale);
  if (key === 'name' && last === 'scaleTargetRef') return workloadsIn(index, ns, SCALABLE).map((r) => ({ label: r.name!, kind: 'reference', detail: r.kind, insertText: r.name!, range: ctx.range }));
  if ((key === 'container' && last === 'containerResource') || (key === 'containerName' && ctx.path.includes('podFailurePolicy'))) return containerNames(index, place, ctx, locale);
  if ((key === 'port' && (last === 'httpGet' || last === 'tcpSocket' || last === 'grpc')) || (key === 'targetPort' && place.kind === 'Service')) return portNames(index, place, ctx);
  return [];
}
