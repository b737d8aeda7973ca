import * as fs from 'fs';
import * as path from 'path';
import { bundleRef, fieldInfoAt, toBundle, toJsonSchema } from './expand';
import type { FieldInfo, JsonSchema, SchemaOptions, VersionView } from './expand';
import { uniformDef, uniformNode, type StoredDef, type StoredIndex, type StoredShared, type StoredVersion } from './stored';

export type { FieldInfo, JsonSchema, SchemaOptions } from './expand';
export { KUBERNETES_FORMATS, QUANTITY_PATTERN } from './formats';
export type { KubernetesFormat } from './formats';

/** A served resource type. */
export interface KindRef {
  apiVersion: string;
  kind: string;
  /** Name of its root definition, e.g. `io.k8s.api.apps.v1.Deployment`. */
  definition: string;
}

/** One Kubernetes minor version, loaded. */
export interface LoadedVersion extends VersionView {
  readonly minor: number;
  /** The npm package (name@version) its type graph was generated from. */
  readonly source: string;
  readonly kinds: readonly KindRef[];
  /** Root definition by `apiVersion + " " + kind`. */
  readonly kindIndex: ReadonlyMap<string, string>;
}

/**
 * Offline Kubernetes schemas for several minor versions plus some CRDs.
 * Versions are read from disk on first use and cached.
 */
export interface SchemaStore {
  /** The folder the store reads. */
  readonly dir: string;
  /** Served minors in ascending order, e.g. [26, …, 34] for 1.26 … 1.34. */
  readonly minors: readonly number[];
  /** npm packages the data came from (see `index.json`). */
  readonly sources: StoredIndex['sources'];
  /** Loads (once) and returns a minor; throws RangeError for a minor not served. */
  loadVersion(minor: number): LoadedVersion;
  /** Resource types served by a minor (empty for a minor not served). */
  kinds(minor: number): readonly KindRef[];
  /** Root definition name of a kind in a minor, or undefined. */
  definitionFor(minor: number, apiVersion: string, kind: string): string | undefined;
  /**
   * Self-contained draft-07 JSON Schema of a kind (references point into its own
   * `definitions`), or undefined. Compile with ajv after registering
   * {@link KUBERNETES_FORMATS} and with `allowUnionTypes: true`.
   */
  schemaFor(minor: number, apiVersion: string, kind: string, options?: SchemaOptions): JsonSchema | undefined;
  /**
   * Every definition of a minor in one schema (`$id` `kubernetes-1.<minor>`). Cheaper
   * when validating many kinds: `ajv.addSchema(bundle)` once, then compile
   * `{ $ref: store.bundleRef(minor, apiVersion, kind) }` per kind.
   */
  bundleFor(minor: number, options?: SchemaOptions): JsonSchema | undefined;
  /** `$ref` of a kind's root definition inside {@link bundleFor}'s schema, or undefined. */
  bundleRef(minor: number, apiVersion: string, kind: string): string | undefined;
  /** Field at `path` (property names, map keys, array indexes) of a kind, or undefined. */
  fieldAt(minor: number, apiVersion: string, kind: string, path: readonly (string | number)[]): FieldInfo | undefined;
  /** Minors in which the field at `path` of the kind exists, ascending. */
  fieldMinors(apiVersion: string, kind: string, path: readonly (string | number)[]): number[];
}

const bundleId = (minor: number): string => `kubernetes-1.${minor}`;

/** The key of a kind in {@link LoadedVersion.kindIndex} and in the lists kept per kind: `apiVersion kind`. */
export const kindKey = (apiVersion: string, kind: string): string => `${apiVersion} ${kind}`;

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

class FileSchemaStore implements SchemaStore {
  readonly minors: readonly number[];
  readonly sources: StoredIndex['sources'];
  private readonly index: StoredIndex;
  private shared: { data: StoredShared; nameIndex: Map<string, number> } | undefined;
  private readonly loaded = new Map<number, LoadedVersion>();

  constructor(readonly dir: string) {
    this.index = readJson<StoredIndex>(path.join(dir, 'index.json'));
    this.minors = [...this.index.minors].sort((a, b) => a - b);
    this.sources = this.index.sources;
  }

  private sharedPool(): { data: StoredShared; nameIndex: Map<string, number> } {
    if (!this.shared) {
      const data = readJson<StoredShared>(path.join(this.dir, this.index.shared));
      data.fields = data.fields.map(uniformNode);
      data.defs = data.defs.map(uniformDef);
      const file = path.join(this.dir, this.index.descriptions);
      let strings: string[] | undefined;
      Object.defineProperty(data, 'strings', { enumerable: true, get: () => (strings ??= readJson<string[]>(file)) });
      this.shared = { data, nameIndex: new Map(data.names.map((name, i) => [name, i])) };
    }
    return this.shared;
  }

  loadVersion(minor: number): LoadedVersion {
    const cached = this.loaded.get(minor);
    if (cached) return cached;
    const file = this.index.versions[String(minor)];
    if (!file) throw new RangeError(`Kubernetes 1.${minor} is not in the schema store (served: ${this.minors.join(', ')})`);
    const stored = readJson<StoredVersion>(path.join(this.dir, file));
    const { data, nameIndex } = this.sharedPool();
    const defs = new Map<string, StoredDef>();
    for (const [name, body] of stored.defs) defs.set(data.names[name], data.defs[body]);
    const kinds = stored.kinds.map(([apiVersion, kind, name]) => ({ apiVersion, kind, definition: data.names[name] }));
    const kindIndex = new Map(kinds.map((k) => [kindKey(k.apiVersion, k.kind), k.definition]));
    const version: LoadedVersion = { minor, source: stored.source, shared: data, nameIndex, defs, kinds, kindIndex };
    this.loaded.set(minor, version);
    return version;
  }

  private tryLoad(minor: number): LoadedVersion | undefined {
    return this.index.versions[String(minor)] ? this.loadVersion(minor) : undefined;
  }

  kinds(minor: number): readonly KindRef[] {
    return this.tryLoad(minor)?.kinds ?? [];
  }

  definitionFor(minor: number, apiVersion: string, kind: string): string | undefined {
    return this.tryLoad(minor)?.kindIndex.get(kindKey(apiVersion, kind));
  }

  schemaFor(minor: number, apiVersion: string, kind: string, options?: SchemaOptions): JsonSchema | undefined {
    const version = this.tryLoad(minor);
    const root = version?.kindIndex.get(kindKey(apiVersion, kind));
    return version && root ? toJsonSchema(version, root, options) : undefined;
  }

  bundleFor(minor: number, options?: SchemaOptions): JsonSchema | undefined {
    const version = this.tryLoad(minor);
    return version && toBundle(version, bundleId(minor), options);
  }

  bundleRef(minor: number, apiVersion: string, kind: string): string | undefined {
    const root = this.definitionFor(minor, apiVersion, kind);
    return root && bundleRef(bundleId(minor), root);
  }

  fieldAt(minor: number, apiVersion: string, kind: string, fieldPath: readonly (string | number)[]): FieldInfo | undefined {
    const version = this.tryLoad(minor);
    const root = version?.kindIndex.get(kindKey(apiVersion, kind));
    return version && root ? fieldInfoAt(version, root, fieldPath) : undefined;
  }

  fieldMinors(apiVersion: string, kind: string, fieldPath: readonly (string | number)[]): number[] {
    return this.minors.filter((minor) => this.fieldAt(minor, apiVersion, kind, fieldPath) !== undefined);
  }
}

/** Opens the generated schema folder (reads only its small `index.json` now). */
export function openSchemaStore(dir: string): SchemaStore {
  return new FileSchemaStore(dir);
}
