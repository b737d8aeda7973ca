import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { MAX_DEPTH, scalarText, type Anchors } from '../model/nodes';
import type { VersionView } from './expand';
import { KUBERNETES_FORMATS } from './formats';
import { refNode, type StoredDef, type StoredNode } from './stored';
import { scalarJson } from './toJson';

/** Above this many kept keys a mapping finds its repeated keys with a set instead of by looking back. */
const LOOK_BACK = 32;

/**
 * Where a walk is: the version's schemas, the nodes left before it gives up (as `yamlToJson`'s budget), and the
 * keys kept so far by the open mappings, a stack (`keys` up to `top`) they share.
 */
interface Walk {
  view: VersionView;
  left: number;
  keys: string[];
  top: number;
  /** False once a key was let through unchecked: a null-valued key a definition does not list, or a pair past the depth limit. */
  keysKnown: boolean;
}

/** How a resource's JSON stands against a schema: it does not fit (or not surely), it fits, or it fits and every key of its mappings, null-valued ones included, is one its definition lists where the definition lists properties. */
export type Fit = 'no' | 'fits' | 'keysKnown';

/**
 * Whether the JSON value `yamlToJson` makes of a resource satisfies a definition of a built-in (store) schema,
 * decided on the YAML nodes without making the JSON (anything but `no` means it does). The store's schemas use only `type`, `format`, `enum`,
 * array items, map values and definitions (properties, required properties, no others), each checked here as
 * ajv checks it. `no` also where the answer is not certain: a document with anchors, aliases or merge keys, a
 * format not known here, a definition missing from the version, or more nodes than `budget`. A caller then
 * validates with ajv, which also says what is wrong; so a fit here must never be given where ajv reports an
 * error (`test/corpus/schemaFits.test.ts` compares the two on the corpus). `keysKnown` also says that the walk checked
 * every key against the definitions that list properties.
 */
export function fitOf(node: Node, anchors: Anchors, view: VersionView, definition: string, budget = 1_000_000): Fit {
  if (!anchors.isEmpty() || anchors.merges) return 'no';
  const root = view.nameIndex.get(definition);
  if (root === undefined) return 'no';
  const w: Walk = { view, left: budget, keys: [], top: 0, keysKnown: true };
  if (!fits(w, node, refNode(root), 0)) return 'no';
  return w.keysKnown ? 'keysKnown' : 'fits';
}

function fits(w: Walk, node: Node | null | undefined, schema: StoredNode, depth: number): boolean {
  if (--w.left < 0) return false;
  if (depth > MAX_DEPTH) w.keysKnown = false;
  if (!node || depth > MAX_DEPTH) return scalarFits(null, schema);
  if (isScalar(node)) return scalarFits(scalarJson(node.value, node.source), schema);
  if (isSeq(node)) {
    if (!typeAllows(schema.t, 'array') || schema.r !== undefined || schema.e !== undefined) return false;
    if (schema.i) for (const item of node.items) if (!fits(w, item as Node, schema.i, depth + 1)) return false;
    return true;
  }
  if (!isMap(node)) return scalarFits(null, schema);
  if (!typeAllows(schema.t, 'object') || schema.e !== undefined) return false;
  const def = schema.r === undefined ? undefined : w.view.defs.get(w.view.shared.names[schema.r]);
  if (schema.r !== undefined && !def) return false;
  const base = w.top;
  const ok = mapFits(w, node, def, schema.a, depth);
  w.top = base;
  return ok;
}

/**
 * A mapping against a definition's properties and required ones, and against a map's value type. Its pairs
 * are taken as `yamlToJson` takes them: a key whose value is null is dropped, and of repeated keys the first
 * kept one counts.
 */
function mapFits(w: Walk, map: YAMLMap, def: StoredDef | undefined, values: StoredNode | undefined, depth: number): boolean {
  const properties = def && propertiesOf(w.view, def);
  const base = w.top;
  let seen: Set<string> | undefined;
  let required = 0;
  for (const item of map.items as Partial<Pair>[]) {
    const key = scalarText(item.key);
    const value = item.value as Node | null | undefined;
    if (key === undefined) continue;
    if (depth + 1 > MAX_DEPTH) {
      w.keysKnown = false;
      continue;
    }
    const scalar = !!value && isScalar(value);
    const json = scalar ? scalarJson((value as Scalar).value, (value as Scalar).source) : undefined;
    if (!value || (scalar ? json === null : !isMap(value) && !isSeq(value))) {
      if (properties && !properties.has(key)) w.keysKnown = false;
      continue;
    }
    if (seen ? seen.has(key) : keptBefore(w, base, key)) continue;
    if (seen) seen.add(key);
    else {
      w.keys[w.top++] = key;
      if (w.top - base > LOOK_BACK) seen = new Set(w.keys.slice(base, w.top));
    }
    if (key === '__proto__') return false;
    if (properties) {
      const field = properties.get(key);
      if (!field || !(scalar ? scalarFits(json, field) : fits(w, value, field, depth + 1))) return false;
      if (def!.q?.includes(key)) required++;
    }
    if (values && !(scalar ? scalarFits(json, values) : fits(w, value, values, depth + 1))) return false;
  }
  return !properties || required === (def!.q?.length ?? 0);
}

function keptBefore(w: Walk, base: number, key: string): boolean {
  for (let i = base; i < w.top; i++) if (w.keys[i] === key) return true;
  return false;
}

const definitionProperties = new WeakMap<StoredDef, Map<string, StoredNode> | null>();

/** A definition's properties by name (the JSON's own keys looked up in a map, not on a parsed object), or null when it lists none. */
function propertiesOf(view: VersionView, def: StoredDef): Map<string, StoredNode> | null {
  let properties = definitionProperties.get(def);
  if (properties === undefined) {
    const names = Object.keys(def.p);
    properties = names.length ? new Map(names.map((name) => [name, view.shared.fields[def.p[name]]])) : null;
    definitionProperties.set(def, properties);
  }
  return properties;
}

function scalarFits(value: unknown, schema: StoredNode): boolean {
  if (schema.r !== undefined) return false;
  if (!typeAllows(schema.t, jsonType(value))) return false;
  if (schema.e !== undefined && !schema.e.includes(value as string)) return false;
  return schema.f === undefined || formatFits(schema.f, value);
}

function formatFits(name: string, value: unknown): boolean {
  if (!Object.prototype.hasOwnProperty.call(KUBERNETES_FORMATS, name)) return false;
  const format = KUBERNETES_FORMATS[name];
  if (format.type === 'number') return typeof value !== 'number' || format.validate(value);
  if (typeof value !== 'string') return true;
  return typeof format.validate === 'function' ? format.validate(value) : format.validate.test(value);
}

type JsonType = 'null' | 'boolean' | 'string' | 'number' | 'integer' | 'array' | 'object' | 'other';

function jsonType(value: unknown): JsonType {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return 'boolean';
    case 'string':
      return 'string';
    case 'number':
      return !((value as number) % 1) && !Number.isNaN(value) ? 'integer' : 'number';
    default:
      return 'other';
  }
}

/**
 * Whether a stored type (absent: any) admits a JSON value of the given type, as the code ajv generates checks it:
 * an integer is a number with no fraction that is not NaN (so infinities count), and NaN is a number.
 */
function typeAllows(type: string | string[] | undefined, actual: JsonType): boolean {
  if (type === undefined) return actual !== 'other';
  if (typeof type === 'string') return admits(type, actual);
  for (const t of type) if (admits(t, actual)) return true;
  return false;
}

function admits(type: string, actual: JsonType): boolean {
  return type === actual || (type === 'number' && actual === 'integer');
}
