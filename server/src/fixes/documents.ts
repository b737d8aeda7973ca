import { TrackedIndex } from '../cross/trackedIndex';
import type { Resource } from '../model/resource';
import type { AnalysisEnv } from '../service/env';
import type { Settings } from '../service/settings';
import type { DocumentEditor } from './edits';

/** Where a fix that appends a companion document (a PDB, an HPA) looks for names and autoscalers. */
export interface CompanionPlace {
  /** The workspace index, when the analysis has one. */
  index: TrackedIndex | undefined;
  /** The workload's effective namespace. */
  namespace: string;
}

/** The index and effective namespace of a workload, for fixes that add documents beside it. */
export function companionPlace(r: Resource, env: AnalysisEnv, settings: Settings): CompanionPlace {
  const index = env.index ? new TrackedIndex(env.index) : undefined;
  return { index, namespace: index ? index.namespaceOf(r) : r.namespace ?? settings.defaultNamespace };
}

/**
 * `<workload>-<suffix>`, or `<workload>-<suffix>-2`, `-3`, … when a resource of `kind` already has
 * that name in the namespace, in this file or in the workspace index.
 */
export function uniqueName(workload: string, suffix: string, kind: string, editor: DocumentEditor, place: CompanionPlace): string {
  const inFile = editor.file.documents.flatMap((d) => d.doc.resources);
  const { index, namespace } = place;
  const taken = (name: string) =>
    inFile.some((x) => x.kind === kind && x.name === name && (x.namespace ?? namespace) === namespace) || !!index?.find({ kind, name, namespace }).length;
  let name = `${workload}-${suffix}`;
  for (let i = 2; taken(name); i++) name = `${workload}-${suffix}-${i}`;
  return name;
}
