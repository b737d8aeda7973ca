import { isMap, isSeq, type Node, type YAMLMap } from 'yaml';
import { findPair, get, type Anchors } from '../model/nodes';
import { selects } from '../index/selector';
import { readSelector, stringMap } from '../rules/helpers';
import type { PodSpecView } from '../rules/podSpec';
import { insertBefore, replaceValue } from './blockEdits';
import type { DocumentEditor, Edit } from './edits';
import { ownPodSelectorLabels } from './podLabels';
import type { FixBuilder } from './types';

function contains(node: Node | null | undefined, offset: number): boolean {
  return !!node?.range && node.range[0] <= offset && offset <= node.range[1];
}

/**
 * The mapping holding the labelSelector a finding points into: a topologySpreadConstraint, a
 * required podAntiAffinity term, or the podAffinityTerm of a preferred one (aliased items are skipped,
 * since editing them would change every place that refers to them).
 */
function selectorHolder(pod: PodSpecView, anchors: Anchors, offset: number): YAMLMap | undefined {
  const seq = (node: Node | undefined) => (isSeq(node) ? (node.items as Node[]) : []);
  const anti = get(get(pod.spec, 'affinity', anchors), 'podAntiAffinity', anchors);
  const direct = [...seq(get(pod.spec, 'topologySpreadConstraints', anchors)), ...seq(get(anti, 'requiredDuringSchedulingIgnoredDuringExecution', anchors))];
  const hit = direct.find((n) => isMap(n) && contains(n, offset));
  if (isMap(hit)) return hit;
  const weighted = seq(get(anti, 'preferredDuringSchedulingIgnoredDuringExecution', anchors)).find((n) => isMap(n) && contains(n, offset));
  const term = isMap(weighted) ? findPair(weighted, 'podAffinityTerm')?.value : undefined;
  return isMap(term) ? term : undefined;
}

/**
 * `fix-spread-selector`: the labelSelector of the spread constraint or anti-affinity term the
 * finding points at becomes `matchLabels` of the pod's own identity (the workload selector's
 * matchLabels when the template carries them, else the template labels); added when absent.
 */
export const fixSpreadSelector: FixBuilder = ({ scope, editor }) => {
  const { resource, pod } = scope;
  const anchors = scope.placed.doc.anchors;
  if (!resource || !pod) return undefined;
  const holder = selectorHolder(pod, anchors, scope.offset);
  const labels = ownPodSelectorLabels(resource, pod, anchors);
  if (!holder || !labels) return undefined;
  const want = { matchLabels: labels };
  const pair = findPair(holder, 'labelSelector');
  if (!pair) return editor.merge(holder, { labelSelector: want }, 'topologyKey');
  return replaceValue(editor, pair, want);
};

/**
 * `fix-selector-mismatch`: changes the pod template, never the selector (a live object's selector
 * is immutable): the selector's matchLabels are added to, or corrected in, the template's labels.
 * A workload with no selector at all gets `selector.matchLabels` from the template labels. Not
 * offered when a matchExpressions requirement would still fail.
 */
export const fixSelectorMismatch: FixBuilder = ({ scope, editor }) => {
  const r = scope.resource;
  const anchors = scope.placed.doc.anchors;
  const spec = r && writtenMap(r.node, 'spec');
  const template = writtenMap(spec, 'template');
  if (!r || !spec || !template) return undefined;
  const metadata = writtenMap(template, 'metadata');
  const labelsNode = writtenMap(metadata, 'labels');
  const labels = stringMap(get(get(template, 'metadata', anchors), 'labels', anchors), anchors);
  const selectorPair = findPair(spec, 'selector', anchors);
  if (!selectorPair) return selectorFromTemplate(editor, spec, labels);
  const node = anchors.resolve(selectorPair.value as Node);
  const selector = r.kind === 'ReplicationController' ? { matchLabels: stringMap(node, anchors) } : readSelector(node, anchors);
  const want = selector?.matchLabels ?? {};
  if (!selector || !Object.keys(want).length || !selects(selector, { ...labels, ...want })) return undefined;
  if (labelsNode) return editor.merge(labelsNode, want);
  if (metadata) return findPair(metadata, 'labels') ? undefined : editor.merge(metadata, { labels: want }, 'name');
  if (findPair(template, 'metadata')) return undefined;
  return insertBefore(editor, template, 'spec', { metadata: { labels: want } });
};

/**
 * Adds `selector.matchLabels` with the template labels to a workload spec (after `replicas`, else
 * before `template`); undefined without labels.
 */
export function selectorFromTemplate(editor: DocumentEditor, spec: YAMLMap, labels: Record<string, string>): Edit[] | undefined {
  if (!Object.keys(labels).length) return undefined;
  const selector = { selector: { matchLabels: labels } };
  return findPair(spec, 'replicas') ? editor.merge(spec, selector, 'replicas') : insertBefore(editor, spec, 'template', selector);
}

/** The block mapping written as the value of `key` (not an alias to one elsewhere, which an edit would change for every user). */
export function writtenMap(map: YAMLMap | undefined, key: string): YAMLMap | undefined {
  const value = map ? findPair(map, key)?.value : undefined;
  return isMap(value) ? value : undefined;
}
