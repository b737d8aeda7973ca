import type { IndexedResource } from './index/extract';
import type { LabelSelector } from './index/selector';
import type { ResourceQuery } from './index/workspaceIndex';
import type { Position } from './model/types';
import type { ResourceAt } from './service/resourceAt';

/**
 * Custom LSP messages between the Workload Studio client and server. The client never parses YAML;
 * it asks the server through these.
 */
export namespace WorkloadStudioProtocol {
  /** Request `workloadStudio/resourceAt`: which resource is at a position (null when none). */
  export const resourceAt = 'workloadStudio/resourceAt';
  /** Parameters of `workloadStudio/resourceAt`. */
  export interface ResourceAtParams {
    textDocument: { uri: string };
    position: Position;
  }
  export type ResourceAtResult = ResourceAt | null;

  /** Request `workloadStudio/documentResources`: every resource of an open document, with its range (for CodeLenses). */
  export const documentResources = 'workloadStudio/documentResources';
  /** Parameters of `workloadStudio/documentResources`. */
  export interface DocumentResourcesParams {
    textDocument: { uri: string };
  }
  export type DocumentResourcesResult = ResourceAt[];

  /** Request `workloadStudio/findResources`: resources of the workspace index matching a query or a selector. */
  export const findResources = 'workloadStudio/findResources';
  /** Parameters of `workloadStudio/findResources`: an identity query, or a selector and namespace. */
  export interface FindResourcesParams {
    query?: ResourceQuery;
    selector?: { selector: LabelSelector; namespace: string };
  }
  export type FindResourcesResult = IndexedResource[];

  /** Request `workloadStudio/reindex`: rebuild the workspace index from disk; answers with the resource count. */
  export const reindex = 'workloadStudio/reindex';

  /** Notification `workloadStudio/indexReady`: the workspace index finished (re)building. */
  export const indexReady = 'workloadStudio/indexReady';
  /** Parameters of `workloadStudio/indexReady`. */
  export interface IndexReadyParams {
    files: number;
    resources: number;
    /** Files that could not be read or were too large, with the reason. */
    skipped: { uri: string; reason: string }[];
  }
}

/** The `Kind/name (namespace)` label of a resource, as the outline and the client show it. */
export function resourceLabel(r: { kind: string; name: string | null; namespace: string | null }): string {
  return `${r.kind}/${r.name ?? '?'}${r.namespace ? ` (${r.namespace})` : ''}`;
}
