import { refNode, type StoredDef, type StoredNode, type StoredShared } from './stored';

/** A JSON Schema (draft-07) object as produced by the store. */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  definitions?: Record<string, JsonSchema>;
}

/** What the store knows about one field (or the object at a path). */
export interface FieldInfo {
  /** JSON Schema type; `"object"` for definitions; absent when any value is allowed. */
  type?: string | string[];
  /** API description of the field, or of its definition when the field has none; read from the store on first access. */
  description?: string;
  /** Allowed values, when the API restricts them in this version. */
  enum?: string[];
  /** `int32`, `int64`, `double`, `int-or-string`, `quantity`, `date-time` or `byte`. */
  format?: string;
  /** Required child properties, for objects. */
  required?: string[];
  /** Child property names, for objects that list them. */
  properties?: string[];
  /** Whether the parent object requires this field. */
  isRequired: boolean;
  /** Definition name, when the value is a definition (e.g. `io.k8s.api.core.v1.Container`). */
  definition?: string;
  /** For arrays: the element; for maps: the value type. */
  element?: FieldInfo;
}

/** One loaded Kubernetes version: the shared pool plus that version's definition map. */
export interface VersionView {
  readonly shared: StoredShared;
  readonly nameIndex: ReadonlyMap<string, number>;
  readonly defs: ReadonlyMap<string, StoredDef>;
}

/** Options for {@link toJsonSchema}. */
export interface SchemaOptions {
  /** Include descriptions (default true). Leave them out for lighter validators. */
  descriptions?: boolean;
}

const ref = (name: string): string => `#/definitions/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;

function nodeSchema(view: VersionView, node: StoredNode, descriptions: boolean, pending: string[]): JsonSchema {
  const out: JsonSchema = {};
  if (node.r !== undefined) {
    const name = view.shared.names[node.r];
    pending.push(name);
    out.$ref = ref(name);
  }
  if (node.t !== undefined) out.type = node.t;
  if (node.f !== undefined) out.format = node.f;
  if (node.e !== undefined) out.enum = node.e;
  if (node.i !== undefined) out.items = nodeSchema(view, node.i, descriptions, pending);
  if (node.a !== undefined) out.additionalProperties = nodeSchema(view, node.a, descriptions, pending);
  if (descriptions && node.d !== undefined) out.description = view.shared.strings[node.d];
  return out;
}

function defSchema(view: VersionView, def: StoredDef, descriptions: boolean, pending: string[]): JsonSchema {
  const out: JsonSchema = { type: 'object' };
  if (descriptions && def.d !== undefined) out.description = view.shared.strings[def.d];
  const names = Object.keys(def.p);
  if (names.length === 0) return out;
  out.properties = {};
  for (const name of names) out.properties[name] = nodeSchema(view, view.shared.fields[def.p[name]], descriptions, pending);
  if (def.q) out.required = [...def.q];
  out.additionalProperties = false;
  return out;
}

/**
 * Builds a self-contained draft-07 schema for definition `root`: the root body
 * inline plus every reachable definition under `definitions`.
 */
export function toJsonSchema(view: VersionView, root: string, options: SchemaOptions = {}): JsonSchema | undefined {
  const descriptions = options.descriptions ?? true;
  const rootDef = view.defs.get(root);
  if (!rootDef) return undefined;
  const pending: string[] = [root];
  const definitions: Record<string, JsonSchema> = {};
  while (pending.length) {
    const name = pending.pop() as string;
    if (Object.prototype.hasOwnProperty.call(definitions, name)) continue;
    const def = view.defs.get(name);
    definitions[name] = def ? defSchema(view, def, descriptions, pending) : {};
  }
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...definitions[root], definitions };
}

/** All definitions of a version in one schema with the given `$id`, for ajv's `addSchema`. */
export function toBundle(view: VersionView, id: string, options: SchemaOptions = {}): JsonSchema {
  const descriptions = options.descriptions ?? true;
  const definitions: Record<string, JsonSchema> = {};
  const ignored: string[] = [];
  for (const name of [...view.defs.keys()].sort()) definitions[name] = defSchema(view, view.defs.get(name) as StoredDef, descriptions, ignored);
  return { $schema: 'http://json-schema.org/draft-07/schema#', $id: id, definitions };
}

/** `$ref` to a definition inside the bundle with `$id` `id`. */
export function bundleRef(id: string, name: string): string {
  return `${id}${ref(name)}`;
}

/** A stored field node and whether its parent requires it: what a `FieldInfo` is described from. */
export interface StoredField {
  readonly node: StoredNode;
  readonly isRequired: boolean;
}

/** The stored root of definition `root`, as `fieldInfoAt(view, root, [])` starts from it. */
export function storedRoot(view: VersionView, root: string): StoredField | undefined {
  const rootIndex = view.nameIndex.get(root);
  return rootIndex === undefined || !view.defs.has(root) ? undefined : { node: refNode(rootIndex), isRequired: false };
}

/** The definition a stored node refers to in this version, if any. */
export function storedDefinition(view: VersionView, node: StoredNode): StoredDef | undefined {
  return node.r === undefined ? undefined : view.defs.get(view.shared.names[node.r]);
}

/** The property `key` of a stored node's definition, as `fieldInfoAt(view, definition, [key])` finds it. */
export function storedProperty(view: VersionView, node: StoredNode, key: string): StoredField | undefined {
  const def = storedDefinition(view, node);
  if (!def || !Object.prototype.hasOwnProperty.call(def.p, key)) return undefined;
  return { node: view.shared.fields[def.p[key]], isRequired: def.q?.includes(key) ?? false };
}

/** What the schema says of a stored field. */
export function fieldInfoOf(view: VersionView, node: StoredNode, isRequired: boolean): FieldInfo {
  const { shared } = view;
  const info: FieldInfo = { isRequired };
  const def = storedDefinition(view, node);
  if (node.r !== undefined) {
    info.definition = shared.names[node.r];
    info.type = 'object';
  }
  if (node.t !== undefined) info.type = node.t;
  if (node.f !== undefined) info.format = node.f;
  if (node.e !== undefined) info.enum = [...node.e];
  const d = node.d ?? def?.d;
  if (d !== undefined) Object.defineProperty(info, 'description', { enumerable: true, configurable: true, get: () => shared.strings[d] });
  if (def) {
    const names = Object.keys(def.p);
    if (names.length) info.properties = names;
    if (def.q) info.required = [...def.q];
  }
  const element = elementOf(node);
  if (element) info.element = fieldInfoOf(view, element, false);
  return info;
}

/**
 * Follows `path` from definition `root`: strings name properties or map keys,
 * numbers index arrays. Returns undefined where the path leaves the schema.
 */
export function fieldInfoAt(view: VersionView, root: string, path: readonly (string | number)[]): FieldInfo | undefined {
  let field = storedRoot(view, root);
  for (const segment of path) {
    if (!field) return undefined;
    const { node } = field;
    field = (typeof segment === 'string' ? storedProperty(view, node, segment) : undefined) ?? unrequired(typeof segment === 'number' ? node.i : node.a);
  }
  return field && fieldInfoOf(view, field.node, field.isRequired);
}

/** The stored node of a list's items or a map's values. */
export function elementOf(node: StoredNode): StoredNode | undefined {
  return node.i ?? node.a;
}

/** A list's item or a map's value type, which no parent requires. */
export function unrequired(node: StoredNode | undefined): StoredField | undefined {
  return node && { node, isRequired: false };
}
