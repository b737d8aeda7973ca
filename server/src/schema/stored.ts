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
