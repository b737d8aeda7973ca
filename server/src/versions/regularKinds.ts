import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { kindKey, openSchemaStore, type LoadedVersion, type SchemaStore } from '../schema/store';
import { refNode, type StoredDef, type StoredNode } from '../schema/stored';

/** The file in a generated schema folder listing its regular kinds (`apiVersion kind`), written at build time by {@link writeRegularKinds}. */
export const REGULAR_KINDS_FILE = 'regular-kinds.json';

/** Per store: its versions, the verdict per kind, and the sets of definitions met at one path (their names per minor) found regular. */
interface Cache {
  views: readonly LoadedVersion[];
  kinds: Map<string, boolean>;
  regular: Set<string>;
}

const listed = new WeakMap<SchemaStore, ReadonlySet<string> | null>();

/** What a path holds at each store minor, undefined where it does not exist. */
type AtPath = readonly (StoredNode | undefined)[];

const caches = new WeakMap<SchemaStore, Cache>();

/**
 * Whether every field path of a kind holds the same kind of value (fields, map values, list items, or nothing the
 * schema describes) at each store minor where the path exists, as `FieldNode.kind` tells it: then a kind's field
 * tree (`fieldTree.ts`) has, at any path, the children of each minor's own schema there and no other kind of child.
 * The definition a field refers to may change its name between minors; the paths are followed, each set of
 * definitions met at one path checked once. Cached per store and kind.
 */
export function regularKind(store: SchemaStore, apiVersion: string, kind: string): boolean {
  let list = listed.get(store);
  if (list === undefined) listed.set(store, (list = readList(store.dir)));
  return list ? list.has(kindKey(apiVersion, kind)) : computeRegularKind(store, apiVersion, kind);
}

/** {@link regularKind} worked out from the store's versions (all of which it loads), without the build's list. */
export function computeRegularKind(store: SchemaStore, apiVersion: string, kind: string): boolean {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = { views: store.minors.map((m) => store.loadVersion(m)), kinds: new Map(), regular: new Set() }));
  const key = kindKey(apiVersion, kind);
  let regular = cache.kinds.get(key);
  if (regular === undefined) {
    const c = cache;
    const roots = store.minors.map((m, i): StoredNode | undefined => {
      const name = store.definitionFor(m, apiVersion, kind);
      const index = name === undefined ? undefined : c.views[i].nameIndex.get(name);
      return index === undefined ? undefined : refNode(index);
    });
    const visited = new Set<string>();
    regular = roots.some(Boolean) && regularAt(c, roots, visited);
    if (regular) for (const v of visited) c.regular.add(v);
    cache.kinds.set(key, regular);
  }
  return regular;
}

/**
 * Whether a path and every path below it hold one kind of value at every minor. A set of definitions already being
 * checked counts as regular (a cycle adds no path of its own), so only a whole kind's success proves the sets it
 * visited regular.
 */
function regularAt(cache: Cache, at: AtPath, visited: Set<string>): boolean {
  let shape: Shape | undefined;
  for (let i = 0; i < at.length; i++) {
    const node = at[i];
    if (!node) continue;
    const s = shapeOf(cache.views[i], node);
    if (shape !== undefined && s !== shape) return false;
    shape = s;
  }
  if (shape === 'array' || shape === 'map') return regularAt(cache, at.map((n) => n && (n.i ?? n.a)), visited);
  return shape !== 'object' || regularObject(cache, at, visited);
}

/** A path whose value has fields: the same check for each property any of its minors has. */
function regularObject(cache: Cache, at: AtPath, visited: Set<string>): boolean {
  const key = at.map((n) => n?.r ?? '').join(',');
  if (cache.regular.has(key) || visited.has(key)) return true;
  visited.add(key);
  const defs = at.map((n, i) => (n?.r === undefined ? undefined : cache.views[i].defs.get(cache.views[i].shared.names[n.r])));
  for (const property of propertyNames(defs)) {
    const children = defs.map((d, i) => (d && Object.prototype.hasOwnProperty.call(d.p, property) ? cache.views[i].shared.fields[d.p[property]] : undefined));
    if (!regularAt(cache, children, visited)) return false;
  }
  return true;
}

function propertyNames(defs: readonly (StoredDef | undefined)[]): Set<string> {
  const names = new Set<string>();
  let last: StoredDef | undefined;
  for (const d of defs) {
    if (!d || d === last) continue;
    last = d;
    for (const name in d.p) names.add(name);
  }
  return names;
}

type Shape = 'array' | 'object' | 'map' | 'free';

/** The kind of value a stored node holds at one minor, with `FieldNode.kind`'s order of precedence. */
function shapeOf(view: LoadedVersion, node: StoredNode): Shape {
  if (node.t === 'array' && (node.i ?? node.a)) return 'array';
  const def = node.r === undefined ? undefined : view.defs.get(view.shared.names[node.r]);
  if (def) for (const _ in def.p) return 'object';
  return node.i ?? node.a ? 'map' : 'free';
}

/** Every kind any minor of the store serves, once each, in the order of their {@link kindKey}. */
export function storeKinds(store: SchemaStore): { apiVersion: string; kind: string }[] {
  const byKey = new Map(store.minors.flatMap((m) => store.kinds(m).map((k) => [kindKey(k.apiVersion, k.kind), { apiVersion: k.apiVersion, kind: k.kind }] as const)));
  return [...byKey.keys()].sort().map((k) => byKey.get(k)!);
}

/** Writes {@link REGULAR_KINDS_FILE} into a generated schema folder (at build time); returns how many kinds it lists of how many. */
export function writeRegularKinds(dir: string): { regular: number; kinds: number } {
  const store = openSchemaStore(dir);
  const kinds = storeKinds(store);
  const regular = kinds.filter((k) => computeRegularKind(store, k.apiVersion, k.kind)).map((k) => kindKey(k.apiVersion, k.kind));
  writeFileSync(path.join(dir, REGULAR_KINDS_FILE), JSON.stringify(regular));
  return { regular: regular.length, kinds: kinds.length };
}

function readList(dir: string): ReadonlySet<string> | null {
  try {
    return new Set(JSON.parse(readFileSync(path.join(dir, REGULAR_KINDS_FILE), 'utf8')) as string[]);
  } catch {
    return null;
  }
}
