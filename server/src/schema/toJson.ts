import { isAlias, isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { MAX_DEPTH, mapPairs, scalarText, type Anchors } from '../model/nodes';

/** How {@link yamlToJson} treats what Kubernetes would not keep. */
export interface ToJsonOptions {
  /** Keep `key: null` pairs (for schemas); by default a null field is unset and dropped, as the API server decodes it. */
  keepNulls?: boolean;
  /** Most nodes produced, aliases expanded (default 1,000,000); past it the conversion fails. */
  budget?: number;
  /**
   * Keep each collection's value for the next conversion of the same node (large documents, whose
   * untouched subtrees survive an incremental re-parse). Used only when the document has no aliases,
   * where a node's value depends on its subtree alone; callers must not mutate the result.
   */
  cache?: boolean;
}

const cached = { plain: new WeakMap<Node, unknown>(), keepNulls: new WeakMap<Node, unknown>() };

/** Thrown when alias expansion would exceed the node budget (a "billion laughs" document) or an alias contains itself. */
export class ExpansionLimitError extends Error {
  constructor() {
    super('alias expansion limit exceeded');
  }
}

/**
 * The JSON value of a YAML node as Kubernetes decodes it: YAML 1.1 scalars as parsed, except that
 * timestamps, sexagesimal numbers and binary stay the strings they were written as; aliases and `<<`
 * merges resolved (first key wins, like lookups); null fields dropped. Collections deeper than
 * MAX_DEPTH become null.
 */
export function yamlToJson(node: Node | null | undefined, anchors: Anchors, options: ToJsonOptions = {}): unknown {
  const state: State = { left: options.budget ?? 1_000_000, open: new Set<Node>() };
  return convert(node, anchors, options, state, 0);
}

type State = { left: number; open: Set<Node> };

function convert(input: unknown, anchors: Anchors, options: ToJsonOptions, state: State, depth: number): unknown {
  if (--state.left < 0) throw new ExpansionLimitError();
  const node = isAlias(input) ? anchors.resolve(input) : (input as Node | undefined);
  if (!node || depth > MAX_DEPTH) return null;
  if (isScalar(node)) return scalarJson(node.value, node.source);
  if (anchors.isEmpty()) {
    const memo = options.cache ? (options.keepNulls ? cached.keepNulls : cached.plain) : undefined;
    const hit = memo?.get(node);
    if (hit !== undefined) return hit;
    const value = collectionJson(node, anchors, options, state, depth);
    memo?.set(node, value);
    return value;
  }
  if (state.open.has(node)) throw new ExpansionLimitError();
  state.open.add(node);
  try {
    return collectionJson(node, anchors, options, state, depth);
  } finally {
    state.open.delete(node);
  }
}

/**
 * A collection's value. `convert` keeps it for the next conversion only in documents without anchors or
 * aliases, and guards against cycles, which only aliases make, only in the others.
 */
function collectionJson(node: Node, anchors: Anchors, options: ToJsonOptions, state: State, depth: number): unknown {
  if (isMap(node)) return mapJson(node, anchors, options, state, depth);
  if (!isSeq(node)) return null;
  return node.items.map((item) => convert(item, anchors, options, state, depth + 1));
}

function mapJson(node: YAMLMap, anchors: Anchors, options: ToJsonOptions, state: State, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const pair of mapPairs(node, anchors)) {
    const key = scalarText(pair.key);
    if (key === undefined || Object.prototype.hasOwnProperty.call(out, key)) continue;
    const value = convert(pair.value, anchors, options, state, depth + 1);
    if (value === null && !options.keepNulls) continue;
    out[key] = value;
  }
  return out;
}

/** The JSON value of a scalar's parsed value (its source text where Kubernetes keeps that, as for timestamps). */
export function scalarJson(value: unknown, source: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return typeof source === 'string' && source.includes(':') ? source : value;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'symbol') return value.description ?? null;
  return typeof source === 'string' ? source : String(value);
}
