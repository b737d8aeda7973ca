import { isAlias, isMap, isPair, isScalar, isSeq, type Alias, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { NodePath } from './types';

/** Deepest structure the walkers descend; deeper nodes are left alone rather than overflow the stack. */
export const MAX_DEPTH = 512;

/** Anchors of one YAML document in source order, so aliases resolve to the latest preceding anchor. */
export class Anchors {
  private readonly defs: { name: string; at: number; node: Node }[] = [];
  /** Aliases whose anchor is not defined before them. */
  readonly unresolved: Alias[] = [];
  private readonly aliases: number;
  /** False when no scalar of the document reads `<<`, so no mapping merges another in. */
  readonly merges: boolean;

  /** Collects the anchors of `doc`; without a document, the anchors of one known to hold no anchors, aliases or merge keys. */
  constructor(doc?: Document.Parsed) {
    const aliases: Alias[] = [];
    let merges = false;
    if (!doc) {
      this.aliases = 0;
      this.merges = false;
      return;
    }
    walk(doc.contents, (node) => {
      if (isAlias(node)) aliases.push(node);
      else if (node.anchor) this.defs.push({ name: node.anchor, at: node.range?.[0] ?? 0, node });
      if (!merges && isMergeKey(node)) merges = true;
    });
    this.aliases = aliases.length;
    this.merges = merges;
    this.defs.sort((a, b) => a.at - b.at);
    for (const alias of aliases) if (!this.target(alias)) this.unresolved.push(alias);
  }

  /** True when the document has neither anchors nor aliases. */
  isEmpty(): boolean {
    return !this.defs.length && !this.aliases;
  }

  /** The node an alias stands for, if its anchor precedes it. */
  target(alias: Alias): Node | undefined {
    const at = alias.range?.[0] ?? 0;
    let found: Node | undefined;
    for (const def of this.defs) {
      if (def.at >= at) break;
      if (def.name === alias.source) found = def.node;
    }
    return found;
  }

  /** Follows aliases (at most a few hops) to a concrete node. */
  resolve(node: unknown): Node | undefined {
    if (!this.aliases) return (node as Node | undefined) ?? undefined;
    let n = node as Node | undefined;
    for (let hops = 0; hops < 8 && isAlias(n); hops++) n = this.target(n);
    return isAlias(n) ? undefined : n ?? undefined;
  }
}

/** Visits every node below `root` (keys and values), depth-first in source order, up to MAX_DEPTH. */
export function walk(root: unknown, visit: (node: Node, depth: number) => void): void {
  const nodes: unknown[] = [root];
  const depths: number[] = [0];
  while (nodes.length) {
    const node = nodes.pop();
    const depth = depths.pop()!;
    if (!node || depth > MAX_DEPTH) continue;
    if (isPair(node)) {
      nodes.push(node.value, node.key);
      depths.push(depth, depth);
      continue;
    }
    visit(node as Node, depth);
    if (isMap(node) || isSeq(node)) {
      const items = node.items as unknown[];
      for (let i = items.length - 1; i >= 0; i--) {
        nodes.push(items[i]);
        depths.push(depth + 1);
      }
    }
  }
}

/** The string form of a scalar key or value, or undefined for anything else. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (typeof v === 'symbol') return v.description;
  return v === null || v === undefined ? undefined : typeof v === 'object' ? undefined : String(v);
}

/** True for a YAML 1.1 merge key (`<<`). */
export function isMergeKey(node: unknown): boolean {
  return isScalar(node) && (node.value === '<<' || (typeof node.value === 'symbol' && node.value.description === '<<'));
}

/**
 * The pairs of a mapping including those merged in with `<<` (own keys win), resolving aliases; each mapping
 * merges once, so cycles end. A mapping without merges gives its own items.
 */
export function mapPairs(map: YAMLMap, anchors?: Anchors, depth = 0, seen?: Set<YAMLMap>): readonly Pair[] {
  const follow = !!anchors?.merges && depth < 8;
  if (ownPairsOnly(map, follow)) return map.items as Pair[];
  const own: Pair[] = [];
  let merged: Pair[] | undefined;
  for (const item of map.items) {
    if (!isPair(item)) continue;
    if (follow && isMergeKey(item.key)) {
      seen ??= new Set([map]);
      merged ??= [];
      const sources = isSeq(item.value) ? item.value.items : [item.value];
      for (const s of sources) {
        const src = anchors!.resolve(s);
        if (!isMap(src) || seen.has(src)) continue;
        seen.add(src);
        merged.push(...mapPairs(src, anchors, depth + 1, seen));
      }
    } else own.push(item);
  }
  if (!merged?.length) return own;
  const keys = new Set(own.map((p) => scalarText(p.key)));
  return [...own, ...merged.filter((p) => !keys.has(scalarText(p.key)))];
}

function ownPairsOnly(map: YAMLMap, followMerges: boolean): boolean {
  for (const item of map.items) if (!isPair(item) || (followMerges && isMergeKey(item.key))) return false;
  return true;
}

/** The pair of a mapping with the given key (following merges when anchors are given). */
export function findPair(map: unknown, key: string, anchors?: Anchors): Pair | undefined {
  if (!isMap(map)) return undefined;
  let merges = false;
  for (const item of map.items) {
    const k = (item as Partial<Pair>).key as { value?: unknown } | null | undefined;
    const value = k?.value;
    if (typeof value === 'string') {
      if (value === key) {
        if (isPair(item) && isScalar(k)) return item;
      } else if (value === '<<') merges = true;
      continue;
    }
    if (!isPair(item)) continue;
    const text = scalarText(item.key);
    if (text === key) return item;
    if (text === '<<') merges = true;
  }
  if (!anchors || !merges) return undefined;
  return mapPairs(map, anchors).find((p) => scalarText(p.key) === key);
}

/** The value node under a key, with aliases resolved. */
export function get(map: unknown, key: string, anchors?: Anchors): Node | undefined {
  const pair = findPair(map, key, anchors);
  const value = pair?.value as Node | undefined;
  return anchors ? anchors.resolve(value) : value;
}

/** The node at a path below `root`, or undefined. */
export function getAt(root: unknown, path: NodePath, anchors?: Anchors): Node | undefined {
  let node = anchors ? anchors.resolve(root) : (root as Node | undefined);
  for (const step of path) {
    if (typeof step === 'number') {
      node = isSeq(node) ? (node.items[step] as Node | undefined) : undefined;
      if (anchors) node = anchors.resolve(node);
    } else node = get(node, step, anchors);
    if (!node) return undefined;
  }
  return node;
}

/** `[start, end)` source offsets of a node's value (without trailing comments). */
export function span(node: Node | Pair | null | undefined): [number, number] | undefined {
  if (!node) return undefined;
  if (isPair(node)) {
    const k = span(node.key as Node);
    const v = span(node.value as Node);
    if (!k) return v;
    return [k[0], v ? v[1] : k[1]];
  }
  return node.range ? [node.range[0], node.range[1]] : undefined;
}
