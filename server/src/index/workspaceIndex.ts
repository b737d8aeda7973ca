import { compareCodeUnits } from '../model/types';
import { sameEntry, type IndexedResource } from './extract';
import { selects, type LabelSelector } from './selector';

/** A query by identity; every given field must match. */
export interface ResourceQuery {
  kind?: string;
  name?: string;
  namespace?: string;
  apiVersion?: string;
}

/** Resolves a resource's namespace as Kubernetes does: its own, else the configured default. */
export function namespaceOf(r: { namespace: string | null }, defaultNamespace = 'default'): string {
  return r.namespace ?? defaultNamespace;
}

/** Orders index entries by file and document, so that findings do not depend on the order files were indexed in. */
export function byLocation(a: IndexedResource, b: IndexedResource): number {
  return compareCodeUnits(a.uri, b.uri) || a.document - b.document || a.range.start.line - b.range.start.line;
}

/**
 * All Kubernetes resources of a workspace (or of one CLI run), by file. Queries by identity use a
 * key map, and selector queries start from a label → resources map, so both answer without a scan
 * of the workspace.
 */
export class WorkspaceIndex {
  private readonly byUri = new Map<string, IndexedResource[]>();
  private readonly byKind = new Map<string, Set<IndexedResource>>();
  private readonly byLabel = new Map<string, Set<IndexedResource>>();
  private readonly podCarriers = new Set<IndexedResource>();
  private readonly listeners: ((uris: string[]) => void)[] = [];
  private readonly tokenVersions = new Map<string, number>();
  private readonly carriersByNamespace = new Map<string, readonly IndexedResource[]>();
  private generationCount = 0;

  constructor(private defaultNamespace = 'default') {}

  /** Increases on every change; cross-document results can be cached against it. */
  get generation(): number {
    return this.generationCount;
  }

  /**
   * Replaces what the index holds for a file. Entries equal to those held already change nothing, so an
   * edit that leaves a file's resources as they were invalidates no cross-document result.
   */
  setFile(uri: string, resources: IndexedResource[]): void {
    const old = this.byUri.get(uri) ?? [];
    const changed = old.length === resources.length ? resources.flatMap((r, i) => (sameEntry(old[i], r) ? [] : [old[i], r])) : [...old, ...resources];
    if (!changed.length) return;
    for (const r of changed) this.bump(r);
    this.drop(uri);
    if (resources.length) this.byUri.set(uri, resources);
    for (const r of resources) {
      add(this.byKind, r.kind, r);
      if (r.podLabels) {
        this.podCarriers.add(r);
        for (const [k, v] of Object.entries(r.podLabels)) add(this.byLabel, `${k}=${v}`, r);
      }
    }
    this.changed([uri]);
  }

  /** Forgets a file. */
  removeFile(uri: string): void {
    for (const r of this.byUri.get(uri) ?? []) this.bump(r);
    if (this.drop(uri)) this.changed([uri]);
  }

  /** Forgets every file. */
  clear(): void {
    const uris = [...this.byUri.keys()];
    for (const uri of uris) this.drop(uri);
    this.changed(uris);
  }

  /** The files that hold resources. */
  uris(): string[] {
    return [...this.byUri.keys()];
  }

  /** The resources of one file. */
  resourcesOf(uri: string): readonly IndexedResource[] {
    return this.byUri.get(uri) ?? [];
  }

  /** How many resources the index holds. */
  get size(): number {
    let n = 0;
    for (const list of this.byUri.values()) n += list.length;
    return n;
  }

  /** Resources matching every given field of the query; namespaces resolve with the default. */
  find(q: ResourceQuery): IndexedResource[] {
    const pool = q.kind !== undefined ? this.byKind.get(q.kind) ?? new Set() : [...this.byUri.values()].flat();
    const out: IndexedResource[] = [];
    for (const r of pool) {
      if (q.name !== undefined && r.name !== q.name) continue;
      if (q.apiVersion !== undefined && r.apiVersion !== q.apiVersion) continue;
      if (q.namespace !== undefined && namespaceOf(r, this.defaultNamespace) !== q.namespace) continue;
      out.push(r);
    }
    return out;
  }

  /**
   * Every pod carrier (workload, Job or bare Pod) in a namespace, by location. Kept until the index
   * changes, since each workload of a namespace may ask.
   */
  podCarriersIn(namespace: string): readonly IndexedResource[] {
    let carriers = this.carriersByNamespace.get(namespace);
    if (!carriers) {
      carriers = [...this.podCarriers].filter((r) => namespaceOf(r, this.defaultNamespace) === namespace).sort(byLocation);
      this.carriersByNamespace.set(namespace, carriers);
    }
    return carriers;
  }

  /** Resources in the namespace whose pods the selector selects (an empty selector selects all). */
  selectedBy(selector: LabelSelector, namespace: string): IndexedResource[] {
    const required = Object.entries(selector.matchLabels ?? {});
    let pool: Iterable<IndexedResource> = this.podCarriers;
    if (required.length) {
      let smallest: Set<IndexedResource> | undefined;
      for (const [k, v] of required) {
        const set = this.byLabel.get(`${k}=${v}`);
        if (!set) return [];
        if (!smallest || set.size < smallest.size) smallest = set;
      }
      pool = smallest ?? [];
    }
    const out: IndexedResource[] = [];
    for (const r of pool) {
      if (r.podLabels && namespaceOf(r, this.defaultNamespace) === namespace && selects(selector, r.podLabels)) out.push(r);
    }
    return out;
  }

  /**
   * The version of a dependency token: `kind:<Kind>:<namespace>`, `kind:<Kind>:*` or `pods:<namespace>`.
   * It changes whenever a resource it covers is added, changed or removed.
   */
  versionOf(token: string): number {
    return this.tokenVersions.get(token) ?? 0;
  }

  /** Changes the namespace of resources that set none; every cached cross-document result is invalidated. */
  setDefaultNamespace(namespace: string): void {
    if (namespace === this.defaultNamespace) return;
    this.defaultNamespace = namespace;
    for (const token of this.tokenVersions.keys()) this.tokenVersions.set(token, this.versionOf(token) + 1);
    this.changed([]);
  }

  /** The namespace the index resolves for resources without one. */
  get namespaceDefault(): string {
    return this.defaultNamespace;
  }

  /** Calls back with the changed file URIs after every change. */
  onDidChange(listener: (uris: string[]) => void): { dispose(): void } {
    this.listeners.push(listener);
    return { dispose: () => void this.listeners.splice(this.listeners.indexOf(listener), 1) };
  }

  private bump(r: IndexedResource): void {
    const ns = namespaceOf(r, this.defaultNamespace);
    const tokens = [`kind:${r.kind}:${ns}`, `kind:${r.kind}:*`, 'all'];
    if (r.podLabels) tokens.push(`pods:${ns}`);
    for (const t of tokens) this.tokenVersions.set(t, this.versionOf(t) + 1);
  }

  private drop(uri: string): boolean {
    const old = this.byUri.get(uri);
    if (!old) return false;
    this.byUri.delete(uri);
    for (const r of old) {
      this.byKind.get(r.kind)?.delete(r);
      this.podCarriers.delete(r);
      if (r.podLabels) for (const [k, v] of Object.entries(r.podLabels)) this.byLabel.get(`${k}=${v}`)?.delete(r);
    }
    return true;
  }

  private changed(uris: string[]): void {
    this.generationCount++;
    this.carriersByNamespace.clear();
    for (const l of this.listeners) l(uris);
  }
}

function add<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}
