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

  /**
   * Request `workloadStudio/debugStats`, for tests: read-only facts about the server process and one
   * open document. It changes nothing but may force a garbage collection first (only when the server
   * runs with `--expose-gc`).
   */
  export const debugStats = 'workloadStudio/debugStats';
  /** Parameters of `workloadStudio/debugStats`. */
  export interface DebugStatsParams {
    /** The open document to describe; none describes no document. */
    textDocument?: { uri: string };
    /** Run a full garbage collection before reading the heap (when `global.gc` exists). */
    gc?: boolean;
  }
  /** The answer to `workloadStudio/debugStats`. */
  export interface DebugStatsResult {
    /** `process.memoryUsage().heapUsed`, in bytes. */
    heapUsed: number;
    /** Bytes used in each V8 heap space (`old_space`, `code_space`, …), to tell data from compiled code. */
    heapSpaces: Record<string, number>;
    /** True when a garbage collection ran just before the heap was read. */
    gcForced: boolean;
    /** The document as the server holds it, or null when it is not open. */
    document: { version: number; length: number; sha256: string; reparsed: number | null } | null;
    /** Cross-document analyses run since the server started. */
    crossRuns: number;
    /** How each module loaded through the V8 code cache was compiled (`hit`, `miss`, `rejected`), by file name. */
    codeCache: Record<string, 'hit' | 'miss' | 'rejected'>;
  }

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
