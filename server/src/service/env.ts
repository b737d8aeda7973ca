import type { WorkspaceIndex } from '../index/workspaceIndex';

/** Schemas of custom resources, from the CustomResourceDefinitions of the workspace (or of one CLI run). */
export interface CrdCatalog {
  /** Increases whenever a definition is added, changed or removed. */
  readonly generation: number;
  /**
   * Identifies what the catalog answers for one kind of one API group (empty when no CRD defines it):
   * while the key is the same, so are `hasKind` and `schemaFor` for that kind, so cached results are keyed on it.
   */
  keyFor(group: string, kind: string): string;
  /** True when some CRD defines this kind in this API group (any version). */
  hasKind(group: string, kind: string): boolean;
  /** The `openAPIV3Schema` of a served version of a kind, or undefined. */
  schemaFor(apiVersion: string, kind: string): Record<string, unknown> | undefined;
}

/** What an analysis may know beyond the document itself. */
export interface AnalysisEnv {
  crds?: CrdCatalog;
  /** The workspace index (editor) or the index of one CLI run; cross-document rules run only with it. */
  index?: WorkspaceIndex;
  /** The URI of the file analysed, so cross-document rules can tell its resources from others. */
  uri?: string;
}

/** The part of the environment a document's cached findings must be keyed on: what the CRDs say of its resources' kinds. */
export function envKey(env: AnalysisEnv | undefined, resources: readonly { group: string; kind: string }[]): string {
  if (!env?.crds) return '';
  let key = '';
  for (const r of resources) key += `${env.crds.keyFor(r.group, r.kind)},`;
  return key;
}
