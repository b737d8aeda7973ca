import { isMap, isPair, isSeq, type Node, type Pair } from 'yaml';
import { findPair, mapPairs, type Anchors } from '../model/nodes';
import type { Resource } from '../model/resource';
import type { Target } from '../rules/types';

/** Where a JSON path of a resource lands in its YAML: the value as written (an alias stays an alias) and how it was reached. */
export interface JsonPlace {
  /** The value node as written; undefined when the path leaves the document. */
  value: Node | undefined;
  /** The pair holding the value, when the last step was a mapping key. */
  pair: Pair | undefined;
  /** The steps that were found (a prefix of the path). */
  found: (string | number)[];
}

/** Splits an ajv `instancePath` (a JSON pointer) into keys and array indexes. */
export function pointerPath(pointer: string, data: unknown): (string | number)[] {
  if (!pointer) return [];
  const out: (string | number)[] = [];
  let at = data;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const step = Array.isArray(at) ? Number(key) : key;
    out.push(step);
    at = at && typeof at === 'object' ? (at as Record<string | number, unknown>)[step] : undefined;
  }
  return out;
}

/** Follows a JSON path from a resource's mapping through the YAML, resolving aliases and `<<` merges as the JSON did. */
export function followPath(resource: Resource, anchors: Anchors, path: readonly (string | number)[]): JsonPlace {
  const place: JsonPlace = { value: resource.node, pair: undefined, found: [] };
  for (const step of path) {
    const node = anchors.resolve(place.value);
    let next: Node | undefined;
    let pair: Pair | undefined;
    if (isMap(node) && typeof step === 'string') {
      pair = findPair(node, step, anchors);
      next = pair?.value as Node | undefined;
    } else if (isSeq(node) && typeof step === 'number') next = node.items[step] as Node | undefined;
    if (!next) break;
    place.value = next;
    place.pair = pair;
    place.found.push(step);
  }
  return place;
}

/** Where a finding about the value at `path` goes: the value, else its key, else the resource's `kind:`. */
export function valueTarget(resource: Resource, anchors: Anchors, path: readonly (string | number)[]): Target {
  const place = followPath(resource, anchors, path);
  if (!place.found.length) return resource.kindSpan;
  return place.value ?? place.pair ?? resource.kindSpan;
}

/** Where a finding about key `key` of the mapping at `path` goes: that key. */
export function keyTarget(resource: Resource, anchors: Anchors, path: readonly (string | number)[], key: string): Target {
  const place = followPath(resource, anchors, path);
  return findPair(anchors.resolve(place.value), key, anchors) ?? valueTarget(resource, anchors, path);
}

/**
 * Where a field missing from the mapping at `path` is reported: the key that holds the mapping; for a
 * list item, its `name:` (else its first key); for the resource itself, its `kind:`.
 */
export function parentTarget(resource: Resource, anchors: Anchors, path: readonly (string | number)[]): Target {
  const place = followPath(resource, anchors, path);
  if (!place.found.length) return resource.kindSpan;
  if (place.pair) return place.pair;
  const item = anchors.resolve(place.value);
  if (isMap(item)) {
    const first = mapPairs(item, anchors).find((p) => isPair(p));
    return findPair(item, 'name', anchors) ?? first ?? item;
  }
  return place.value ?? resource.kindSpan;
}
