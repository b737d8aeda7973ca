import { KUBERNETES_FORMATS } from './formats';

type Schema = Record<string, unknown>;

const isObject = (x: unknown): x is Schema => !!x && typeof x === 'object' && !Array.isArray(x);

const NESTED_MAPS = ['properties', 'patternProperties', 'definitions'];
const NESTED_ONE = ['items', 'additionalProperties', 'not'];
const NESTED_LIST = ['allOf', 'anyOf', 'oneOf'];
const KEPT = new Set(['type', 'enum', 'required', 'format', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties', ...NESTED_MAPS, ...NESTED_ONE, ...NESTED_LIST]);

/**
 * Turns a CRD version's `openAPIV3Schema` (a Kubernetes structural schema) into a draft-07 schema
 * for ajv with `allowUnionTypes`: objects that list properties reject unknown fields unless
 * `x-kubernetes-preserve-unknown-fields`; `x-kubernetes-int-or-string` becomes an integer-or-string
 * union; `x-kubernetes-embedded-resource` admits `apiVersion`, `kind` and `metadata`; `nullable` admits
 * null; only formats Kubernetes checks are kept; other keywords (descriptions, defaults, CEL
 * validations, list and map types) are dropped. The root also admits the standard top-level fields
 * and any `status`.
 */
export function crdToAjvSchema(openApi: Record<string, unknown>): Record<string, unknown> {
  const root = translate(openApi, 0, false);
  const properties = { ...(isObject(root.properties) ? root.properties : {}) };
  for (const key of ['apiVersion', 'kind']) properties[key] ??= { type: 'string' };
  properties.metadata = { type: 'object' };
  properties.status = {};
  return { ...root, type: 'object', properties };
}

function translate(input: Schema, depth: number, branch: boolean): Schema {
  if (depth > 256) return {};
  const out: Schema = {};
  for (const [key, value] of Object.entries(input)) {
    if (!KEPT.has(key)) continue;
    if (NESTED_MAPS.includes(key) && isObject(value)) out[key] = mapValues(value, depth, branch);
    else if (NESTED_ONE.includes(key) && isObject(value)) out[key] = translate(value, depth + 1, branch || key === 'not');
    else if (NESTED_LIST.includes(key) && Array.isArray(value)) out[key] = value.filter(isObject).map((s) => translate(s, depth + 1, true));
    else if (key === 'format') {
      if (typeof value === 'string' && Object.prototype.hasOwnProperty.call(KUBERNETES_FORMATS, value)) out.format = value;
    } else out[key] = value;
  }
  const preserve = input['x-kubernetes-preserve-unknown-fields'] === true;
  if (input['x-kubernetes-int-or-string'] === true) {
    out.type = ['integer', 'string'];
    delete out.anyOf;
    delete out.oneOf;
  }
  if (input['x-kubernetes-embedded-resource'] === true) {
    const properties = { ...(isObject(out.properties) ? out.properties : {}) };
    properties.apiVersion ??= { type: 'string' };
    properties.kind ??= { type: 'string' };
    properties.metadata ??= { type: 'object' };
    out.properties = properties;
  }
  if (isObject(out.properties) && Object.keys(out.properties).length && out.additionalProperties === undefined && !preserve && !branch) {
    out.additionalProperties = false;
  }
  if (input.nullable === true && out.type !== undefined) out.type = [...new Set([...(Array.isArray(out.type) ? out.type : [out.type]), 'null'])];
  return out;
}

function mapValues(map: Schema, depth: number, branch: boolean): Schema {
  const out: Schema = {};
  for (const [name, value] of Object.entries(map)) if (isObject(value)) out[name] = translate(value, depth + 1, branch);
  return out;
}

const compactTexts = new WeakMap<object, string>();
const KEPT_TEXT = 64 * 1024;

/**
 * The compact JSON text of a schema without what validation never reads (`description`, `example`,
 * `externalDocs`), leaving alone properties that happen to carry those names. Texts under 64 KiB are
 * kept per object, so a schema rebuilt around one changed subtree (see `yamlToJson`'s cache) re-serialises
 * only the large objects on the way to the change (keeping every level's text would hold the schema's size
 * times its depth); the objects must not be mutated afterwards.
 */
export function compactSchemaText(schema: unknown, depth = 0): string {
  if (typeof schema !== 'object' || schema === null || depth > 512) return JSON.stringify(schema) ?? 'null';
  const known = compactTexts.get(schema);
  if (known !== undefined) return known;
  let text: string;
  if (Array.isArray(schema)) text = `[${schema.map((s) => compactSchemaText(s, depth + 1)).join(',')}]`;
  else {
    const parts: string[] = [];
    for (const [key, value] of Object.entries(schema)) {
      if (value === undefined || key === 'description' || key === 'example' || key === 'externalDocs') continue;
      let inner: string;
      if (NESTED_MAPS.includes(key) && isObject(value)) {
        inner = `{${Object.entries(value).filter(([, sub]) => sub !== undefined).map(([name, sub]) => `${JSON.stringify(name)}:${compactSchemaText(sub, depth + 1)}`).join(',')}}`;
      } else if (key === 'enum' || key === 'default') inner = JSON.stringify(value);
      else inner = compactSchemaText(value, depth + 1);
      parts.push(`${JSON.stringify(key)}:${inner}`);
    }
    text = `{${parts.join(',')}}`;
  }
  if (text.length < KEPT_TEXT) compactTexts.set(schema, text);
  return text;
}
