import type { Node, Pair } from 'yaml';
import { POD_CARRIERS, type ContainerView, type PodSpecView } from '../../podSpec';
import type { RuleContext, Target } from '../../types';

/** Kinds whose pod template the Pod Security Standards rules inspect. */
export const POD_KINDS: readonly string[] = POD_CARRIERS;

/** Pods declared as Windows pods (`spec.os.name: windows`), which the Linux-only restricted controls exempt. */
export function isWindowsPod(ctx: RuleContext, pod: PodSpecView): boolean {
  return ctx.str(['os', 'name'], pod.spec) === 'windows';
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
