import type { IndexedResource } from '../index/extract';
import { selects } from '../index/selector';
import { namespaceOf, type WorkspaceIndex } from '../index/workspaceIndex';
import { locate } from '../model/locate';
import { getAt, scalarText } from '../model/nodes';
import type { Position, Range } from '../model/types';
import { documentOffset, fileRange } from '../model/yamlDocument';
import { documentAt, type YamlFile } from '../model/yamlFile';
import { readSelector, stringMap } from '../rules/helpers';

/** A place in the workspace that navigation lands on. */
export interface NavTarget {
  uri: string;
  range: Range;
  selectionRange: Range;
}

const target = (r: IndexedResource): NavTarget => ({ uri: r.uri, range: r.range, selectionRange: r.selectionRange });

const REFERENCE_KINDS: [RegExp, string][] = [
  [/(^|\.)(configMapRef|configMapKeyRef|configMap)\.name$/, 'ConfigMap'],
  [/(^|\.)(secretRef|secretKeyRef)\.name$|(^|\.)secret\.secretName$|(^|\.)imagePullSecrets\.\d+\.name$/, 'Secret'],
  [/(^|\.)serviceAccountName$/, 'ServiceAccount'],
  [/(^|\.)priorityClassName$/, 'PriorityClass'],
];

/** Where the reference or selector under a position points: the resources it names or selects. */
export function definition(file: YamlFile, pos: Position, index: WorkspaceIndex): NavTarget[] {
  const placed = documentAt(file, pos);
  const offset = placed && documentOffset(placed, pos);
  if (!placed || offset === undefined) return [];
  const loc = locate(placed.doc.ast.contents, offset);
  const resource = placed.doc.resources.find((r) => r.path.every((s, i) => loc.path[i] === s));
  if (!resource) return [];
  const rel = loc.path.slice(resource.path.length).map(String);
  const dotted = rel.join('.');
  const ns = namespaceOf(resource, index.namespaceDefault);
  const a = placed.doc.anchors;
  if (/^spec\.(scaleTargetRef|targetRef)(\.|$)/.test(dotted)) {
    const ref = getAt(resource.node, ['spec', rel[1]], a);
    const name = scalarText(getAt(ref, ['name'], a));
    const kind = scalarText(getAt(ref, ['kind'], a));
    return index.find({ kind, name, namespace: ns }).map(target);
  }
  if (resource.kind === 'StatefulSet' && dotted === 'spec.serviceName') {
    return index.find({ kind: 'Service', name: scalarText(loc.node) ?? '', namespace: ns }).map(target);
  }
  for (const [pattern, kind] of REFERENCE_KINDS) {
    if (!pattern.test(dotted) || loc.inKey) continue;
    const name = scalarText(loc.node) ?? '';
    return index.find(kind === 'PriorityClass' ? { kind, name } : { kind, name, namespace: ns }).map(target);
  }
  const selectorPath = resource.kind === 'NetworkPolicy' ? 'spec.podSelector' : 'spec.selector';
  if (dotted === selectorPath || dotted.startsWith(`${selectorPath}.`)) {
    const node = getAt(resource.node, selectorPath.split('.'), a);
    const selector = resource.kind === 'Service' ? { matchLabels: stringMap(node, a) } : readSelector(node, a);
    if (!selector) return [];
    return index.selectedBy(selector, ns).map(target);
  }
  return [];
}

/** What points at a workload: PDBs, Services and NetworkPolicies selecting its pods, autoscalers targeting it. */
export function coverers(workload: IndexedResource, index: WorkspaceIndex): IndexedResource[] {
  const ns = namespaceOf(workload, index.namespaceDefault);
  const out: IndexedResource[] = [];
  for (const kind of ['PodDisruptionBudget', 'Service', 'NetworkPolicy']) {
    for (const r of index.find({ kind, namespace: ns })) if (r.selector && workload.podLabels && selects(r.selector, workload.podLabels)) out.push(r);
  }
  for (const kind of ['HorizontalPodAutoscaler', 'VerticalPodAutoscaler', 'ScaledObject']) {
    for (const r of index.find({ kind, namespace: ns })) if (r.facts.target?.name === workload.name && (r.facts.target.kind ?? workload.kind) === workload.kind) out.push(r);
  }
  return out;
}

/** The resources that point at the workload under a position (find references). */
export function references(file: YamlFile, pos: Position, index: WorkspaceIndex, uri: string): NavTarget[] {
  const placed = documentAt(file, pos);
  const offset = placed && documentOffset(placed, pos);
  if (!placed || offset === undefined) return [];
  const loc = locate(placed.doc.ast.contents, offset);
  const resource = placed.doc.resources.find((r) => r.path.every((s, i) => loc.path[i] === s));
  const self = resource && index.resourcesOf(uri).find((r) => r.document === placed.index && r.kind === resource.kind && r.name === resource.name);
  return self ? coverers(self, index).map(target) : [];
}

/** One line above a workload saying what covers it: "PDB api-pdb · HPA 3–50 · Service api". */
export interface CoverageLens {
  range: Range;
  items: { kind: string; name: string; detail?: string; target: NavTarget }[];
}

const SHORT: Record<string, string> = { PodDisruptionBudget: 'PDB', HorizontalPodAutoscaler: 'HPA', VerticalPodAutoscaler: 'VPA', ScaledObject: 'KEDA', Service: 'Service', NetworkPolicy: 'NetworkPolicy' };

/** Coverage lenses for every Deployment, StatefulSet and DaemonSet of a file. */
export function coverageLenses(file: YamlFile, index: WorkspaceIndex, uri: string): CoverageLens[] {
  const out: CoverageLens[] = [];
  for (const placed of file.documents) {
    for (const r of placed.doc.resources) {
      if (!['Deployment', 'StatefulSet', 'DaemonSet'].includes(r.kind)) continue;
      const self = index.resourcesOf(uri).find((x) => x.document === placed.index && x.kind === r.kind && x.name === r.name);
      if (!self) continue;
      const items = coverers(self, index).map((c) => ({
        kind: SHORT[c.kind] ?? c.kind,
        name: c.name ?? '?',
        detail: c.facts.minReplicas !== undefined || c.facts.maxReplicas !== undefined ? `${c.facts.minReplicas ?? 1}–${c.facts.maxReplicas ?? '?'}` : undefined,
        target: target(c),
      }));
      out.push({ range: fileRange(placed, r.kindSpan), items });
    }
  }
  return out;
}
