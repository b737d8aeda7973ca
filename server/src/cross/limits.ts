import type { ContainerFacts } from '../index/facts';
import type { IndexedResource } from '../index/extract';
import { compareQuantities, exactQuantity, type ExactQuantity } from '../rules/quantity';
import type { TrackedIndex } from './trackedIndex';

/** A LimitRange's `type: Container` item, with the LimitRange it comes from. */
export interface ContainerLimits {
  from: IndexedResource;
  min: Record<string, string>;
  max: Record<string, string>;
  ratio: Record<string, string>;
  default: Record<string, string>;
  defaultRequest: Record<string, string>;
}

/** The `type: Container` items of the LimitRanges in a namespace. */
export function containerLimitsIn(index: TrackedIndex, namespace: string): ContainerLimits[] {
  return index.find({ kind: 'LimitRange', namespace }).flatMap((from) => (from.facts.limitRanges ?? []).filter((l) => l.type === 'Container').map((l) => ({ ...l, from })));
}

/**
 * A container's request and limit of a resource as admission sees them: a missing request takes the limit;
 * then the first LimitRange item that has one fills a missing limit (`default`, else `max`) and a missing
 * request (`defaultRequest`, else `default`, else `max`, else `min`), as the API server defaults them.
 */
export function admittedResources(c: Pick<ContainerFacts, 'requests' | 'limits'>, resource: string, limits: readonly ContainerLimits[]): { request?: string; limit?: string } {
  const first = (f: (l: ContainerLimits) => string | undefined) => limits.map(f).find((v) => v !== undefined);
  const limit = c.limits[resource] ?? first((l) => l.default[resource] ?? l.max[resource]);
  const request = c.requests[resource] ?? c.limits[resource] ?? first((l) => l.defaultRequest[resource] ?? l.default[resource] ?? l.max[resource] ?? l.min[resource]);
  return { request, limit };
}

/** The strictest maxLimitRequestRatio the namespace's LimitRanges set for a resource, with the LimitRange that sets it. */
export function limitRangeRatio(index: TrackedIndex, namespace: string, resource: string): { ratio: ExactQuantity; text: string; from: IndexedResource } | undefined {
  let best: { ratio: ExactQuantity; text: string; from: IndexedResource } | undefined;
  for (const l of containerLimitsIn(index, namespace)) {
    const text = l.ratio[resource];
    const ratio = text === undefined ? undefined : exactQuantity(text);
    if (ratio && (!best || compareQuantities(ratio, best.ratio) < 0)) best = { ratio, text, from: l.from };
  }
  return best;
}
