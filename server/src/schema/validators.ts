import type { default as Ajv, ValidateFunction } from 'ajv';
import type { CrdCatalog } from '../service/env';
import { WorkspaceCrdCatalog } from './crdCatalog';
import { crdToAjvSchema } from './crdSchema';
import { KUBERNETES_FORMATS } from './formats';
import { defaultSchemaStore } from './instance';
import { precompiledValidator } from './precompiled';
import type { SchemaStore } from './store';
import { ajvLibrary } from '../vendor';

/** How a resource is validated, or why it is not. */
export type SchemaChoice =
  /** A workspace CRD's compiled validator. */
  | { kind: 'validator'; validate: ValidateFunction }
  /** A built-in schema (or one of the four bundled CRDs): the store's `definition` at `minor`; `builtinValidator` compiles it. */
  | { kind: 'builtin'; store: SchemaStore; minor: number; definition: string }
  /** No schema anywhere: not built in, not bundled, no workspace CRD. */
  | { kind: 'unknown' }
  /** A workspace CRD defines the kind but does not serve this version; `versions` are the ones it serves. */
  | { kind: 'unservedVersion'; versions: readonly string[] }
  /** Nothing to validate: a kind served elsewhere (a removed or moved API, which the version rules own) or a CRD without a schema. */
  | { kind: 'skip' };

/** apiVersions of tool configuration (kustomize) that look like resources but never reach the API server. */
const TOOL_CONFIG = /^(kustomize\.config\.k8s\.io\/|builtin$)/;

/**
 * CRD patterns are Go (RE2) regular expressions: a leading `(?i)`-style flag group becomes a JavaScript
 * flag, and a pattern JavaScript cannot compile matches everything rather than break validation.
 */
function goRegExp(pattern: string, flags: string): RegExp {
  const inline = /^\(\?([imsU]+)\)/.exec(pattern);
  const source = inline ? pattern.slice(inline[0].length) : pattern;
  const extra = inline ? inline[1].replace(/[^ims]/g, '') : '';
  for (const f of [flags + extra, extra]) {
    try {
      return new RegExp(source, f);
    } catch {
      continue;
    }
  }
  return /(?:)/;
}
goRegExp.code = 'goRegExp';

/**
 * An ajv instance as validation needs it. `trusted` is for the built-in schemas, generated and tested
 * here: they skip ajv's check against the meta-schema, which costs more than compiling them.
 * Only small referenced definitions (up to 20 keywords) are inlined at each use; larger ones compile
 * once as functions: less code to generate than inlining all, faster to run than inlining none.
 * `standalone` keeps the generated source, for writing validators out at build time (see `precompiled.ts`);
 * their code then reads the formats from a `formats` variable.
 */
export function newAjv(trusted: boolean, standalone = false): Ajv {
  const { default: AjvClass, _ } = ajvLibrary();
  const code = { optimize: false, regExp: goRegExp, ...(standalone ? { source: true, formats: _`formats` } : {}) };
  const ajv = new AjvClass({ allErrors: true, allowUnionTypes: true, strict: false, verbose: true, messages: false, logger: false, inlineRefs: 20, validateSchema: !trusted, code });
  for (const [name, format] of Object.entries(KUBERNETES_FORMATS)) ajv.addFormat(name, format);
  return ajv;
}

let builtinAjv: Ajv | undefined;
let builtinStore: SchemaStore | undefined;
const bundled = new Set<number>();
const builtin = new Map<string, ValidateFunction>();
const crdValidators = new WeakMap<object, ValidateFunction | null>();
let crdAjv: Ajv | undefined;
let knownKinds: Set<string> | undefined;

/**
 * The built-in validator of a kind at a minor, cached for the process: the one generated at build time
 * when the store ships it, else compiled on first use.
 */
export function builtinValidator(store: SchemaStore, minor: number, apiVersion: string, kind: string): ValidateFunction | undefined {
  return precompiledValidator(store.dir, minor, apiVersion, kind, goRegExp) ?? compiledValidator(store, minor, apiVersion, kind);
}

/** The built-in validator of a kind at a minor compiled here by ajv, cached for the process. */
export function compiledValidator(store: SchemaStore, minor: number, apiVersion: string, kind: string): ValidateFunction | undefined {
  if (store !== builtinStore) {
    builtinStore = store;
    builtinAjv = newAjv(true);
    bundled.clear();
    builtin.clear();
    knownKinds = undefined;
  }
  const key = `${minor} ${apiVersion} ${kind}`;
  const cached = builtin.get(key);
  if (cached) return cached;
  const ref = store.bundleRef(minor, apiVersion, kind);
  if (!ref) return undefined;
  const ajv = (builtinAjv ??= newAjv(true));
  if (!bundled.has(minor)) {
    ajv.addSchema(store.bundleFor(minor, { descriptions: false }) as object);
    bundled.add(minor);
  }
  const validate = ajv.compile({ $ref: ref });
  builtin.set(key, validate);
  return validate;
}

/**
 * The validator of a CRD version's `openAPIV3Schema`, cached while the catalog returns the same object;
 * undefined for a schema ajv cannot compile (that CRD's resources then go unchecked).
 */
export function crdValidator(openApi: Record<string, unknown>): ValidateFunction | undefined {
  const cached = crdValidators.get(openApi);
  if (cached !== undefined) return cached ?? undefined;
  const ajv = (crdAjv ??= newAjv(false));
  const schema = crdToAjvSchema(openApi);
  let validate: ValidateFunction | null = null;
  try {
    validate = ajv.compile(schema);
  } catch {
    validate = null;
  } finally {
    ajv.removeSchema(schema);
  }
  crdValidators.set(openApi, validate);
  return validate ?? undefined;
}

/**
 * The minor whose schema validates a kind for the window `[min, max]`: `max` when it serves the kind,
 * else the newest minor of the window that does, else the nearest newer one, else the newest of all.
 * Worked out once per store, window and kind.
 */
export function minorFor(store: SchemaStore, window: { min: number; max: number }, apiVersion: string, kind: string): number | undefined {
  const key = `${window.min}-${window.max} ${apiVersion} ${kind}`;
  let known = minorsFor.get(store);
  if (!known || known.size > MINORS_KEPT) minorsFor.set(store, (known = new Map()));
  if (known.has(key)) return known.get(key);
  const minor = servingMinor(store, window, apiVersion, kind);
  known.set(key, minor);
  return minor;
}

const minorsFor = new WeakMap<SchemaStore, Map<string, number | undefined>>();
const MINORS_KEPT = 4096;

function servingMinor(store: SchemaStore, window: { min: number; max: number }, apiVersion: string, kind: string): number | undefined {
  if (store.definitionFor(window.max, apiVersion, kind) !== undefined) return window.max;
  const serving = store.minors.filter((m) => store.definitionFor(m, apiVersion, kind) !== undefined);
  if (!serving.length) return undefined;
  const inWindow = serving.filter((m) => m >= window.min && m <= window.max);
  if (inWindow.length) return inWindow[inWindow.length - 1];
  return serving.find((m) => m > window.max) ?? serving[serving.length - 1];
}

function isKnownKindName(store: SchemaStore, kind: string): boolean {
  knownKinds ??= new Set(store.minors.flatMap((m) => store.kinds(m).map((k) => k.kind)));
  return knownKinds.has(kind);
}

/** Chooses how to validate a resource: a workspace CRD first, then the built-in and bundled schemas. */
export function chooseSchema(window: { min: number; max: number }, apiVersion: string, kind: string, crds: CrdCatalog | undefined): SchemaChoice {
  if (TOOL_CONFIG.test(apiVersion)) return { kind: 'skip' };
  const fromCrd = crds?.schemaFor(apiVersion, kind);
  if (fromCrd) {
    const validate = crdValidator(fromCrd);
    return validate ? { kind: 'validator', validate } : { kind: 'skip' };
  }
  const store = defaultSchemaStore();
  if (!store) return { kind: 'skip' };
  const minor = minorFor(store, window, apiVersion, kind);
  const definition = minor === undefined ? undefined : store.definitionFor(minor, apiVersion, kind);
  if (definition !== undefined) return { kind: 'builtin', store, minor: minor!, definition };
  const slash = apiVersion.indexOf('/');
  const group = slash === -1 ? '' : apiVersion.slice(0, slash);
  if (crds?.hasKind(group, kind)) {
    const versions = crds instanceof WorkspaceCrdCatalog ? crds.servedVersions(group, kind) : [];
    return versions.includes(apiVersion.slice(slash + 1)) ? { kind: 'skip' } : { kind: 'unservedVersion', versions };
  }
  return isKnownKindName(store, kind) ? { kind: 'skip' } : { kind: 'unknown' };
}
