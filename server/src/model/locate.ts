import { isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { MAX_DEPTH, scalarText } from './nodes';
import type { NodePath } from './types';

/** What sits at an offset of a YAML document: the path to it and the innermost node. */
export interface Location {
  /** Keys and indexes from the document root to the innermost node containing the offset. */
  path: (string | number)[];
  /** The innermost node containing the offset (a key scalar when `inKey`). */
  node: Node | undefined;
  /** The pair whose key or value holds the offset, when inside a mapping. */
  pair: Pair | undefined;
  /** The mapping or sequence that directly contains the offset. */
  parent: Node | undefined;
  /** True when the offset is on a mapping key rather than its value. */
  inKey: boolean;
}

function contains(node: Node | null | undefined, offset: number): boolean {
  return !!node?.range && node.range[0] <= offset && offset <= node.range[1];
}

/** Finds the path and node at a document-relative offset; the empty path means the root. */
export function locate(root: Node | null | undefined, offset: number): Location {
  const loc: Location = { path: [], node: undefined, pair: undefined, parent: undefined, inKey: false };
  let node: Node | null | undefined = root;
  for (let depth = 0; node && depth < MAX_DEPTH; depth++) {
    if (!contains(node, offset)) break;
    loc.node = node;
    if (isMap(node)) {
      const pair = (node.items as Pair[]).find((p) => isPair(p) && pairContains(p, offset));
      if (!pair) break;
      const key = scalarText(pair.key) ?? '';
      loc.parent = node;
      loc.pair = pair;
      if (contains(pair.key as Node, offset) && !contains(pair.value as Node, offset)) {
        loc.path.push(key);
        loc.node = pair.key as Node;
        loc.inKey = true;
        return loc;
      }
      loc.path.push(key);
      loc.inKey = false;
      node = pair.value as Node | null;
      if (!node) {
        loc.node = undefined;
        return loc;
      }
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => contains(item as Node, offset));
      if (index === -1) break;
      loc.parent = node;
      loc.pair = undefined;
      loc.path.push(index);
      node = node.items[index] as Node;
    } else break;
  }
  return loc;
}

function pairContains(pair: Pair, offset: number): boolean {
  const k = pair.key as Node | null;
  const v = pair.value as Node | null;
  const start = k?.range?.[0] ?? v?.range?.[0];
  const end = v?.range?.[1] ?? k?.range?.[1];
  return start !== undefined && end !== undefined && start <= offset && offset <= end;
}

/** Formats a path the way users write it: `spec.template.spec.containers[0].image`. */
export function formatPath(path: NodePath): string {
  let out = '';
  for (const step of path) out += typeof step === 'number' ? `[${step}]` : out ? `.${step}` : step;
  return out;
}

/** True when `node` is a scalar (any value kind). */
export function isLeaf(node: unknown): boolean {
  return isScalar(node);
}
