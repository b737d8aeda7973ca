import { fieldInfoAt, type FieldInfo, type VersionView } from '../schema/expand';
import type { SchemaStore } from '../schema/store';
import { ownString } from '../model/types';

/**
 * One field of a kind across every minor of the schema store: what the schema says about it per
 * minor (undefined where it does not exist), with its children computed on first use and cached,
 * so walking a large file asks the store about each distinct field path once.
 */
export class FieldNode {
  private readonly children = new Map<string, FieldNode | null>();
  private mode: 'object' | 'map' | 'array' | 'free' | undefined;

  constructor(
    private readonly views: readonly VersionView[],
    /** Per store minor (same order as the store's `minors`). */
    readonly infos: readonly (FieldInfo | undefined)[],
  ) {}

  /** Whether the field exists at the store minor with index `i`. */
  has(i: number): boolean {
    return this.infos[i] !== undefined;
  }

  /** What the value holds: named properties, free map keys, list items, or nothing the schema describes. */
  kind(): 'object' | 'map' | 'array' | 'free' {
    if (this.mode) return this.mode;
    const present = this.infos.filter((i): i is FieldInfo => !!i);
    if (present.some((i) => i.type === 'array' && i.element)) this.mode = 'array';
    else if (present.some((i) => i.definition && i.properties?.length)) this.mode = 'object';
    else if (present.some((i) => i.element)) this.mode = 'map';
    else this.mode = 'free';
    return this.mode;
  }

  /** The property `key` of an object, the value type of a map (any key), or undefined where the schema ends. */
  child(key: string): FieldNode | undefined {
    const mode = this.kind();
    if (mode !== 'object' && mode !== 'map') return undefined;
    return this.cached(mode === 'map' ? '*' : key, (info, view) => {
      if (mode === 'map') return info.type === 'array' ? undefined : info.element;
      return info.definition && info.properties?.includes(key) ? fieldInfoAt(view, info.definition, [key]) : undefined;
    });
  }

  /** The item type of a list. */
  item(): FieldNode | undefined {
    return this.kind() === 'array' ? this.cached('[]', (info) => (info.type === 'array' ? info.element : undefined)) : undefined;
  }

  /**
   * The child under `key`, computed once. Only children the schema knows are kept, under a copy of the
   * key: keys typed in a document are unbounded, and a key sliced from a document's text would keep
   * that whole text alive.
   */
  private cached(key: string, step: (info: FieldInfo, view: VersionView) => FieldInfo | undefined): FieldNode | undefined {
    let node = this.children.get(key);
    if (node === undefined) {
      const infos = this.infos.map((info, i) => (info ? step(info, this.views[i]) : undefined));
      if (!infos.some(Boolean)) return undefined;
      node = new FieldNode(this.views, infos);
      this.children.set(ownString(key), node);
    }
    return node ?? undefined;
  }
}

const trees = new WeakMap<SchemaStore, Map<string, FieldNode | null>>();

/** The root of a kind's field tree (cached per store and kind), or undefined when no minor serves the kind. */
export function fieldTree(store: SchemaStore, apiVersion: string, kind: string): FieldNode | undefined {
  let byKind = trees.get(store);
  if (!byKind) trees.set(store, (byKind = new Map()));
  const key = `${apiVersion} ${kind}`;
  let root = byKind.get(key);
  if (root === undefined) {
    const views = store.minors.map((m) => store.loadVersion(m));
    const infos = store.minors.map((m, i) => {
      const def = store.definitionFor(m, apiVersion, kind);
      return def ? fieldInfoAt(views[i], def, []) : undefined;
    });
    root = infos.some(Boolean) ? new FieldNode(views, infos) : null;
    byKind.set(ownString(key), root);
  }
  return root ?? undefined;
}
