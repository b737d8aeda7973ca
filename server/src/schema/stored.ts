/** Shape of `index.json` in the generated schema folder. */
export interface StoredIndex {
  /** Layout version of the generated files. */
  format: number;
  /** Kubernetes minor versions served (1.<minor>). */
  minors: number[];
  /** File name of the shared pool. */
  shared: string;
  /** File name of the descriptions ({@link StoredShared.strings}), kept apart because only hovers and completions read them. */
  descriptions: string;
  /** Per-version index file names, keyed by minor. */
  versions: Record<string, string>;
  /** npm packages (name@version) the data was generated from. */
  sources: {
    kubernetes: Record<string, string>;
    formats: string;
    enums: string;
    crds: string[];
  };
}

/**
 * A stored schema node. Keys: `t` type, `f` format, `e` enum, `r` definition
 * (index into {@link StoredShared.names}), `i` array items, `a` map values,
 * `d` description (index into {@link StoredShared.strings}).
 */
export interface StoredNode {
  t?: string | string[];
  f?: string;
  e?: string[];
  r?: number;
  i?: StoredNode;
  a?: StoredNode;
  d?: number;
}

/** A stored definition body: description, properties (field -> index into fields) and required names. */
export interface StoredDef {
  d?: number;
  p: Record<string, number>;
  q?: string[];
}

/**
 * The shared pool: everything the versions have in common. `shared.json` holds all but `strings`, which
 * `descriptions.json` holds and the store reads on first use.
 */
export interface StoredShared {
  /** Definition names, e.g. `io.k8s.api.apps.v1.Deployment`. */
  names: string[];
  /** Descriptions. */
  strings: string[];
  /** Field nodes. */
  fields: StoredNode[];
  /** Definition bodies. */
  defs: StoredDef[];
}

/** Shape of a per-version file, `k8s-1.<minor>.json`. */
export interface StoredVersion {
  minor: number;
  /** The npm package (name@version) this version's type graph comes from. */
  source: string;
  /** Pairs of [name index, definition body index]. */
  defs: [number, number][];
  /** Served kinds: [apiVersion, kind, name index of the root definition]. */
  kinds: [string, string, number][];
}

/**
 * A stored node with every key present (absent ones undefined), in one order: code that reads many nodes, as the
 * schema walk does, then meets one object shape instead of the dozen-odd key sets of the JSON.
 */
class UniformNode implements StoredNode {
  constructor(
    readonly t: string | string[] | undefined,
    readonly f: string | undefined,
    readonly e: string[] | undefined,
    readonly r: number | undefined,
    readonly i: StoredNode | undefined,
    readonly a: StoredNode | undefined,
    readonly d: number | undefined,
  ) {}
}

/** The node `node` with the uniform shape of {@link UniformNode}, its items and map values too. */
export function uniformNode(node: StoredNode): StoredNode {
  return new UniformNode(node.t, node.f, node.e, node.r, node.i && uniformNode(node.i), node.a && uniformNode(node.a), node.d);
}

/** A node that refers to the definition with name index `r`, of the uniform shape. */
export function refNode(r: number): StoredNode {
  return new UniformNode(undefined, undefined, undefined, r, undefined, undefined, undefined);
}

/** A definition body with every key present, so its readers meet one shape. */
export function uniformDef(def: StoredDef): StoredDef {
  return { d: def.d, p: def.p, q: def.q };
}
