import { isScalar, type Node, type Pair } from 'yaml';
import { findPair, get, getAt, scalarText } from '../../../model/nodes';
import { containerLabel, type ContainerView, type PodSpecView } from '../../podSpec';
import { parseQuantity } from '../../quantity';
import type { RuleContext, Target } from '../../types';

export type Section = 'requests' | 'limits';
export type ResourceName = 'cpu' | 'memory';

/** Containers whose resources matter: all but ephemeral containers, which cannot have any. */
export function sizedContainers(pod: PodSpecView): ContainerView[] {
  return pod.containers.filter((c) => c.role !== 'ephemeral');
}

/** The pair of `resources.<section>.<name>` in a container, if set. */
export function quantityPair(ctx: RuleContext, c: ContainerView, section: Section, name: ResourceName): Pair | undefined {
  return ctx.pair(ctx.at(['resources', section], c.node), name);
}

/** The numeric value of `resources.<section>.<name>`, if set and parseable. */
export function quantity(ctx: RuleContext, c: ContainerView, section: Section, name: ResourceName): number | undefined {
  const node = ctx.at(['resources', section, name], c.node);
  return isScalar(node) ? parseQuantity(typeof node.value === 'number' ? node.value : scalarText(node)) : undefined;
}

/** True when the pod spec sets the value for the whole pod (pod-level resources, Kubernetes 1.32+). */
export function podLevel(ctx: RuleContext, pod: PodSpecView, section: Section, name: ResourceName): boolean {
  return !!getAt(pod.spec, ['resources', section, name], ctx.anchors);
}

/** Where a missing `resources.<section>.<name>` is reported: the nearest existing of `<section>:`, `resources:`, `- name:`. */
export function missingAnchor(ctx: RuleContext, c: ContainerView, section: Section): Target {
  const resources = get(c.node, 'resources', ctx.anchors);
  return findPair(resources, section, ctx.anchors) ?? ctx.pair(c.node, 'resources') ?? c.anchor;
}

/** The value node of a quantity pair (the key when the value is not a scalar). */
export function quantityValue(pair: Pair): Node | Pair {
  return isScalar(pair.value) ? pair.value : pair;
}

/**
 * Reports every sized container of the resource that sets none of `satisfiedBy` for `name` (nor its pod,
 * through pod-level resources), on the nearest existing key of `anchorSection`.
 */
export function reportMissingQuantity(ctx: RuleContext, name: ResourceName, satisfiedBy: readonly Section[], anchorSection: Section): void {
  for (const pod of ctx.podSpecs()) {
    if (satisfiedBy.some((section) => podLevel(ctx, pod, section, name))) continue;
    for (const c of sizedContainers(pod)) {
      if (satisfiedBy.some((section) => quantityPair(ctx, c, section, name))) continue;
      ctx.report({ at: missingAnchor(ctx, c, anchorSection), args: { name: containerLabel(c) } });
    }
  }
}
