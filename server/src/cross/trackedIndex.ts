import type { IndexedResource } from '../index/extract';
import type { LabelSelector } from '../index/selector';
import { namespaceOf, type ResourceQuery, type WorkspaceIndex } from '../index/workspaceIndex';

/**
 * A view of the workspace index that records what a document's cross-document rules looked at, as
 * dependency tokens with their versions, so the findings are recomputed only when one of them changes.
 */
export class TrackedIndex {
  private readonly deps = new Map<string, number>();

  constructor(readonly index: WorkspaceIndex) {}

  /** Resources matching a query (see WorkspaceIndex.find). */
  find(q: ResourceQuery): IndexedResource[] {
    this.track(q.kind === undefined ? 'all' : `kind:${q.kind}:${q.namespace ?? '*'}`);
    return this.index.find(q);
  }

  /** Pod carriers in a namespace selected by a selector (see WorkspaceIndex.selectedBy). */
  selectedBy(selector: LabelSelector, namespace: string): IndexedResource[] {
    this.track(`pods:${namespace}`);
    return this.index.selectedBy(selector, namespace);
  }

  /** Every pod carrier in a namespace, by location (see WorkspaceIndex.podCarriersIn). */
  podCarriersIn(namespace: string): readonly IndexedResource[] {
    this.track(`pods:${namespace}`);
    return this.index.podCarriersIn(namespace);
  }

  /** The namespace of a resource as Kubernetes resolves it. */
  namespaceOf(r: { namespace: string | null }): string {
    return namespaceOf(r, this.index.namespaceDefault);
  }

  /** The dependency tokens read so far, with the versions they had. */
  dependencies(): Map<string, number> {
    return this.deps;
  }

  private track(token: string): void {
    if (!this.deps.has(token)) this.deps.set(token, this.index.versionOf(token));
  }
}

/** True while every recorded dependency still has the version it had. */
export function dependenciesCurrent(index: WorkspaceIndex, deps: Map<string, number>): boolean {
  for (const [token, version] of deps) if (index.versionOf(token) !== version) return false;
  return true;
}
