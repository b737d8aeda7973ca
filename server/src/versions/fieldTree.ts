import { elementOf, fieldInfoOf, storedDefinition, storedProperty, storedRoot, unrequired, type FieldInfo, type StoredField, type VersionView } from '../schema/expand';
import type { StoredNode } from '../schema/stored';
import { kindKey, type SchemaStore } from '../schema/store';
import { ownString } from '../model/types';

/**
 * One field of a kind across every minor of the schema store: where it exists and what the schema says
 * about it per minor, with its children computed on first use and cached, so walking a large file asks
 * the store about each distinct field path once. Walking reads the stored nodes; the `FieldInfo`s
 * (with their property lists) are described only when asked for.
 */
export class FieldNode {
  private readonly children = new Map<string, FieldNode>();
  private mode: 'object' | 'map' | 'array' | 'free' | undefined;
  private described: readonly (FieldInfo | undefined)[] | undefined;
  /** Bit `i` set when the field exists at the store minor with index `i` (see {@link minorMask}). */
  readonly minors: number;

  constructor(
    private readonly views: readonly VersionView[],
    /** Per store minor (same order as the store's `minors`), undefined where the field does not exist. */
    private readonly fields: readonly (StoredField | undefined)[],
  ) {
    this.minors = minorMask(fields.flatMap((f, i) => (f ? [i] : [])));
  }

  /** What the schema says about the field, per store minor (undefined where it does not exist). */
  get infos(): readonly (FieldInfo | undefined)[] {
    return (this.described ??= this.fields.map((f, i) => f && fieldInfoOf(this.views[i], f.node, f.isRequired)));
  }

  /** Whether the field exists at the store minor with index `i`. */
  has(i: number): boolean {
    return this.fields[i] !== undefined;
  }

  /** What the value holds: named properties, free map keys, list items, or nothing the schema describes. */
  kind(): 'object' | 'map' | 'array' | 'free' {
    if (this.mode) return this.mode;
    if (this.some((node) => node.t === 'array' && !!elementOf(node))) this.mode = 'array';
    else if (this.some(hasProperties)) this.mode = 'object';
    else if (this.some((node) => !!elementOf(node))) this.mode = 'map';
    else this.mode = 'free';
    return this.mode;
  }

  /** True when the field, in some minor where it exists, passes the test. */
  private some(test: (node: StoredNode, view: VersionView) => boolean): boolean {
    return this.fields.some((f, i) => !!f && test(f.node, this.views[i]));
  }

  /** The property `key` of an object, the value type of a map (any key), or undefined where the schema ends. */
  child(key: string): FieldNode | undefined {
    const mode = this.kind();
    if (mode === 'map') return this.cached('*', mapValue);
    return mode === 'object' ? this.cached(key, property) : undefined;
  }

  /** The item type of a list. */
  item(): FieldNode | undefined {
    return this.kind() === 'array' ? this.cached('[]', listItem) : undefined;
  }

  /**
   * The child under `key`, computed once. Only children the schema knows are kept, under a copy of the
   * key: keys typed in a document are unbounded, and a key sliced from a document's text would keep
   * that whole text alive.
   */
  private cached(key: string, step: Step): FieldNode | undefined {
    let node = this.children.get(key);
    if (node === undefined) {
      const fields = this.fields.map((f, i) => (f ? step(f.node, this.views[i], key) : undefined));
      if (!fields.some(Boolean)) return undefined;
      node = new FieldNode(this.views, fields);
      this.children.set(ownString(key), node);
    }
    return node;
  }
}

/** From a field's stored node to the stored node of its child under `key`. */
type Step = (node: StoredNode, view: VersionView, key: string) => StoredField | undefined;

const mapValue: Step = (node) => (node.t === 'array' ? undefined : unrequired(elementOf(node)));
const property: Step = (node, view, key) => storedProperty(view, node, key);
const listItem: Step = (node) => (node.t === 'array' ? unrequired(elementOf(node)) : undefined);

function hasProperties(node: StoredNode, view: VersionView): boolean {
  const def = storedDefinition(view, node);
  return !!def && Object.keys(def.p).length > 0;
}

/** The bit set of store minor indexes that {@link FieldNode.minors} is compared with; a store holds at most 31 minors. */
export function minorMask(indexes: readonly number[]): number {
  let mask = 0;
  for (const i of indexes) {
    if (i > 30) throw new RangeError(`a schema store holds at most 31 minors (index ${i})`);
    mask |= 1 << i;
  }
  return mask;
}

const trees = new WeakMap<SchemaStore, Map<string, FieldNode | null>>();

/** The root of a kind's field tree (cached per store and kind), or undefined when no minor serves the kind. */
export function fieldTree(store: SchemaStore, apiVersion: string, kind: string): FieldNode | undefined {
  let byKind = trees.get(store);
  if (!byKind) trees.set(store, (byKind = new Map()));
  const key = kindKey(apiVersion, kind);
  let root = byKind.get(key);
  if (root === undefined) {
    const views = store.minors.map((m) => store.loadVersion(m));
    const fields = store.minors.map((m, i) => {
      const def = store.definitionFor(m, apiVersion, kind);
      return def ? storedRoot(views[i], def) : undefined;
    });
    root = fields.some(Boolean) ? new FieldNode(views, fields) : null;
    byKind.set(ownString(key), root);
  }
  return root ?? undefined;
}
