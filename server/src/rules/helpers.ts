import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { rangeAt } from '../model/fastNodes';
import { get, mapPairs, scalarText, type Anchors } from '../model/nodes';
import type { LabelSelector } from '../index/selector';
import type { ContainerView, PodSpecView } from './podSpec';
import type { RuleContext, Target } from './types';

/** A mapping of strings (labels, annotations, matchLabels), ignoring non-scalar values. */
export function stringMap(node: Node | undefined, anchors: Anchors): Record<string, string> {
  const out: Record<string, string> = {};
  const map = anchors.resolve(node);
  if (!isMap(map)) return out;
  for (const p of mapPairs(map, anchors)) {
    const k = scalarText(p.key);
    const v = scalarText(anchors.resolve(p.value as Node));
    if (k !== undefined && v !== undefined) out[k] = v;
  }
  return out;
}

/** A LabelSelector node (`matchLabels` and `matchExpressions`) as data; undefined when absent. */
export function readSelector(node: Node | undefined, anchors: Anchors): LabelSelector | undefined {
  const map = anchors.resolve(node);
  if (!isMap(map)) return undefined;
  const selector: LabelSelector = { matchLabels: stringMap(get(map, 'matchLabels', anchors), anchors) };
  const exprs = get(map, 'matchExpressions', anchors);
  if (isSeq(exprs)) {
    selector.matchExpressions = exprs.items.map((e) => {
      const values = get(e, 'values', anchors);
      return {
        key: scalarText(get(e, 'key', anchors)) ?? '',
        operator: scalarText(get(e, 'operator', anchors)) ?? '',
        values: isSeq(values) ? values.items.map((v) => scalarText(anchors.resolve(v)) ?? '') : undefined,
      };
    });
  }
  return selector;
}

/** The items of a sequence node, aliases resolved; empty when it is not a sequence. */
export function items(node: Node | undefined, anchors: Anchors): Node[] {
  const seq = anchors.resolve(node);
  const out: Node[] = [];
  if (!isSeq(seq)) return out;
  for (const item of seq.items) {
    const resolved = anchors.resolve(item as Node);
    if (resolved) out.push(resolved);
  }
  return out;
}

/**
 * False only when no scalar inside `node` can hold the character `char`: the document has no anchors or aliases
 * (which bring in text from elsewhere) and the node's source holds neither `char` nor a backslash (an escape in a
 * double-quoted scalar can make it). Lets a rule skip a container that has nothing for it.
 */
export function mayHold(ctx: RuleContext, node: Node, char: string): boolean {
  if (!ctx.anchors.isEmpty()) return true;
  const text = ctx.doc.text;
  const start = rangeAt(node, 0);
  const end = rangeAt(node, 2);
  const at = text.indexOf(char, start);
  if (at !== -1 && at < end) return true;
  const escape = text.indexOf('\\', start);
  return escape !== -1 && escape < end;
}

/**
 * `compute` with its result kept per key for the first `kept` keys: for pure functions of short texts that rules
 * call on every resource, where manifests repeat a few texts. A kept result is shared, so callers never change it.
 */
export function keptPerKey<T>(compute: (key: string) => T, kept = 4096): (key: string) => T {
  const results = new Map<string, T>();
  return (key) => {
    if (results.has(key)) return results.get(key) as T;
    const result = compute(key);
    if (results.size < kept) results.set(key, result);
    return result;
  };
}

/** RFC 1123 label: lower-case alphanumerics and `-`, at most 63 characters (container and port names, many object names). */
export function isDns1123Label(s: string): boolean {
  return s.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(s);
}

/** RFC 1123 subdomain: labels joined by `.`, at most 253 characters (most object names). */
export function isDns1123Subdomain(s: string): boolean {
  return s.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(s);
}

/** True when a sequence node has at least one item. */
export function nonEmpty(node: Node | undefined, anchors: Anchors): boolean {
  const seq = anchors.resolve(node);
  return isSeq(seq) && seq.items.length > 0;
}

/** True for a missing value or an explicit YAML null (`key:`, `key: null`, `key: ~`). */
export function isNull(node: Node | undefined): boolean {
  return node === undefined || (isScalar(node) && node.value === null);
}

const SELECTOR_REQUIRED = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

/**
 * True for a workload without `spec.selector`, which the API requires: a kustomize patch or another
 * partial manifest, where a missing field may well be set by the base it is merged into.
 */
export function isFragment(ctx: RuleContext): boolean {
  return SELECTOR_REQUIRED.has(ctx.resource.kind) && !ctx.pair(ctx.at(['spec']), 'selector');
}

/** The pair at the end of `path` below `from`, for anchoring a finding on an existing key. */
export function pairAt(ctx: RuleContext, from: Node, path: readonly string[]): Pair | undefined {
  const parent = path.length > 1 ? ctx.at(path.slice(0, -1), from) : from;
  return ctx.pair(parent, path[path.length - 1]);
}

/** Where a missing container-level security field is reported: its `securityContext:` key, else the container's `- name:`. */
export function containerMissingAnchor(ctx: RuleContext, c: ContainerView): Target {
  return ctx.pair(c.node, 'securityContext') ?? c.anchor;
}

/** Where a missing pod-level security field is reported: the pod's `securityContext:` key, else the template's `spec:`. */
export function podMissingAnchor(ctx: RuleContext, pod: PodSpecView): Target {
  return ctx.pair(pod.spec, 'securityContext') ?? pod.specPair ?? ctx.specAnchor();
}
