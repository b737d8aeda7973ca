import { createHash } from 'node:crypto';
import { isMap, type YAMLMap } from 'yaml';
import { get, getAt, scalarText, type Anchors } from '../model/nodes';
import type { YamlDocument } from '../model/yamlDocument';
import type { YamlFile } from '../model/yamlFile';
import { ownString } from '../model/types';
import type { CrdCatalog } from '../service/env';
import { items } from '../rules/helpers';
import { compactSchemaText } from './crdSchema';
import { INCREMENTAL_MIN_SIZE } from '../model/incremental';
import { ExpansionLimitError, yamlToJson } from './toJson';

/** One served version of a custom resource: its schema kept as compact JSON text, parsed on first use. */
interface ServedVersion {
  text: string;
  parsed?: Record<string, unknown>;
}

/** Where a CRD's schemas are read from until they are worked out: its served versions' schema nodes. */
interface SchemaSource {
  versions: [name: string, schema: YAMLMap][];
  anchors: Anchors;
  cache: boolean;
}

/**
 * What one CustomResourceDefinition contributes: a kind of a group and its served versions. The schemas
 * and the signature are worked out on first use, or when the catalog settles the file.
 */
interface CrdEntry {
  group: string;
  kind: string;
  /** The versions the CRD serves (with a schema or without). */
  servedNames: string[];
  /** Set until the schemas are worked out, then cleared. */
  source?: SchemaSource;
  schemas?: { served: Map<string, ServedVersion>; signature: string };
}

/** How a file's CRDs are recorded. */
export interface SetFileOptions {
  /**
   * Work the schemas out when first needed instead of now, keeping the file's YAML nodes until then
   * (or until {@link WorkspaceCrdCatalog.settle}): for documents open in the editor, whose nodes live
   * anyway. A file whose CRD documents were re-parsed then counts as changed.
   */
  deferSchemas?: boolean;
}

const kindKey = (group: string, kind: string): string => `${group}/${kind}`;

/**
 * The CustomResourceDefinitions (`apiextensions.k8s.io/v1`) of a set of files: the workspace in the
 * language server, the files of one run in the CLI. Only what validation needs is kept (each served
 * version's schema without descriptions, as text); when two files define the same kind, the file set
 * last wins.
 */
export class WorkspaceCrdCatalog implements CrdCatalog {
  private byFile = new Map<string, CrdEntry[]>();
  private index: Map<string, CrdEntry> | undefined;
  private gen = 0;

  /** Increases whenever a definition is added, changed or removed. */
  get generation(): number {
    return this.gen;
  }

  keyFor(group: string, kind: string): string {
    const entry = this.lookup().get(kindKey(group, kind));
    return entry ? schemasOf(entry).signature : '';
  }

  /** Number of definitions known. */
  get size(): number {
    return this.lookup().size;
  }

  /** Records the CRDs of a parsed file (replacing what the file had); true when that changed anything. */
  setFile(uri: string, file: YamlFile, options: SetFileOptions = {}): boolean {
    const entries = file.documents.flatMap((d) => crdsOf(d.doc));
    const previous = this.byFile.get(uri) ?? [];
    if (options.deferSchemas ? sameEntries(previous, entries) : signatureOf(previous) === signatureOf(entries)) return false;
    this.byFile.delete(uri);
    if (entries.length) this.byFile.set(uri, entries);
    this.changed();
    return true;
  }

  /** Works out the deferred schemas of a file's CRDs, so that the catalog no longer holds its YAML nodes. */
  settle(uri: string): void {
    for (const e of this.byFile.get(uri) ?? []) schemasOf(e);
  }

  /** Forgets a file's CRDs; true when it had any. */
  removeFile(uri: string): boolean {
    if (!this.byFile.delete(uri)) return false;
    this.changed();
    return true;
  }

  hasKind(group: string, kind: string): boolean {
    return this.lookup().has(kindKey(group, kind));
  }

  /** The versions of a kind that some CRD serves. */
  servedVersions(group: string, kind: string): readonly string[] {
    return this.lookup().get(kindKey(group, kind))?.servedNames ?? [];
  }

  schemaFor(apiVersion: string, kind: string): Record<string, unknown> | undefined {
    const slash = apiVersion.indexOf('/');
    if (slash === -1) return undefined;
    const entry = this.lookup().get(kindKey(apiVersion.slice(0, slash), kind));
    const served = entry && schemasOf(entry).served.get(apiVersion.slice(slash + 1));
    if (!served) return undefined;
    return (served.parsed ??= JSON.parse(served.text) as Record<string, unknown>);
  }

  private changed(): void {
    this.gen++;
    this.index = undefined;
  }

  private lookup(): Map<string, CrdEntry> {
    if (!this.index) {
      this.index = new Map();
      for (const entries of this.byFile.values()) for (const e of entries) this.index.set(kindKey(e.group, e.kind), e);
    }
    return this.index;
  }
}

/** A short digest of what a file's CRDs contribute, to tell a real change from a re-save. */
function signatureOf(entries: readonly CrdEntry[]): string {
  return entries.map((e) => schemasOf(e).signature).join(',');
}

/** True when two files' entries are the same objects: read from the same parsed documents. */
function sameEntries(a: readonly CrdEntry[], b: readonly CrdEntry[]): boolean {
  return a.length === b.length && a.every((e, i) => e === b[i]);
}

/** An entry's schemas and signature, worked out from its source on first use. */
function schemasOf(e: CrdEntry): NonNullable<CrdEntry['schemas']> {
  if (!e.schemas) {
    const served = new Map<string, ServedVersion>();
    const { versions, anchors, cache } = e.source!;
    for (const [name, schema] of versions) {
      try {
        served.set(name, { text: compactSchemaText(yamlToJson(schema, anchors, { keepNulls: true, cache })) });
      } catch (err) {
        if (!(err instanceof ExpansionLimitError)) throw err;
      }
    }
    const hash = createHash('sha1');
    hash.update(`${e.group}\0${e.kind}\0${e.servedNames.join(',')}\0`);
    for (const [v, s] of served) hash.update(`${v}\0${s.text}\0`);
    e.schemas = { served, signature: hash.digest('base64') };
    e.source = undefined;
  }
  return e.schemas;
}

/** The CustomResourceDefinitions of one YAML document, read once per parsed document; their schemas wait. */
function crdsOf(doc: YamlDocument): CrdEntry[] {
  const memo = doc.memo.get('crds') as CrdEntry[] | undefined;
  if (memo) return memo;
  const out: CrdEntry[] = [];
  for (const r of doc.resources) {
    if (r.kind !== 'CustomResourceDefinition' || r.apiVersion !== 'apiextensions.k8s.io/v1') continue;
    const spec = get(r.node, 'spec', doc.anchors);
    const group = scalarText(get(spec, 'group', doc.anchors));
    const kind = scalarText(getAt(spec, ['names', 'kind'], doc.anchors));
    if (!group || !kind) continue;
    const source: SchemaSource = { versions: [], anchors: doc.anchors, cache: doc.text.length >= INCREMENTAL_MIN_SIZE };
    const entry: CrdEntry = { group: ownString(group), kind: ownString(kind), servedNames: [], source };
    for (const v of items(get(spec, 'versions', doc.anchors), doc.anchors)) {
      const name = scalarText(get(v, 'name', doc.anchors));
      const served = scalarText(get(v, 'served', doc.anchors));
      if (!name || (served !== undefined && served !== 'true')) continue;
      entry.servedNames.push(ownString(name));
      const schema = getAt(v, ['schema', 'openAPIV3Schema'], doc.anchors);
      if (isMap(schema)) source.versions.push([ownString(name), schema]);
    }
    out.push(entry);
  }
  doc.memo.set('crds', out);
  return out;
}
