import { isScalar } from 'yaml';
import { findPair, get } from '../model/nodes';
import { parseYamlFile } from '../model/yamlFile';
import { stringMap } from '../rules/helpers';
import { defaultSchemaStore } from '../schema/instance';
import { schemaIssues } from '../schema/validate';
import { apiLifecycle } from '../versions/apis';
import { applyEdits, type Edit } from './edits';
import { ingressEdits } from './ingressMigration';
import { selectorFromTemplate, writtenMap } from './selectorFixes';
import type { FixBuilder, FixInput } from './types';

const API_VERSION = /^([a-z0-9.-]+\/)?v\d+((alpha|beta)\d+)?$/;
const OLD_WORKLOAD_APIS = new Set(['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2']);
const INGRESS_V1BETA1 = new Set(['extensions/v1beta1', 'networking.k8s.io/v1beta1']);

/** True when the built-in schemas serve `apiVersion` + `kind` at every minor of the window they cover. */
export function servedInWindow(apiVersion: string, kind: string, window: { min: number; max: number }): boolean {
  const store = defaultSchemaStore();
  const minors = store?.minors.filter((m) => m >= window.min && m <= window.max) ?? [];
  return !!store && minors.length > 0 && minors.every((m) => store.definitionFor(m, apiVersion, kind) !== undefined);
}

/** The field moves a kind needs on top of the apiVersion rename; undefined when they cannot be made. */
function structuralEdits({ scope, editor }: FixInput, from: string): Edit[] | undefined {
  const r = scope.resource!;
  const anchors = scope.placed.doc.anchors;
  if (r.kind === 'Ingress' && INGRESS_V1BETA1.has(from)) return ingressEdits(editor, r.node);
  if (!OLD_WORKLOAD_APIS.has(from) || findPair(get(r.node, 'spec', anchors), 'selector', anchors)) return [];
  const spec = writtenMap(r.node, 'spec');
  const labels = stringMap(get(get(get(spec, 'template', anchors), 'metadata', anchors), 'labels', anchors), anchors);
  return spec && selectorFromTemplate(editor, spec, labels);
}

/** True when the migrated resource validates against the new apiVersion's schema with no issue at all. */
function validatesAfter(input: FixInput, edits: Edit[]): boolean {
  const { file, scope, settings, env } = input;
  const at = scope.placed.doc.resources.indexOf(scope.resource!);
  const after = parseYamlFile(applyEdits(file.text, edits), { templates: settings.templates }, file);
  const placed = after.documents[scope.placed.index];
  const migrated = placed?.doc.resources[at];
  return !!migrated && !placed.doc.ast.errors.length && schemaIssues(migrated, placed.doc.anchors, settings.kubernetes, env).length === 0;
}

/**
 * `migrate-api-version`: rewrites a removed or deprecated apiVersion to its replacement when the
 * replacement is another version of the same kind served across the whole target window; a
 * Deployment/DaemonSet/ReplicaSet/StatefulSet from extensions or apps v1beta gets the selector
 * apps/v1 requires (from the template labels), an Ingress from v1beta1 its v1 field moves. Offered
 * only when the result passes schema validation for the new version, so a rename that would leave
 * fields the new version lacks is not made.
 */
export const migrateApiVersion: FixBuilder = (input) => {
  const r = input.scope.resource;
  const value = r && findPair(r.node, 'apiVersion')?.value;
  const target = r && apiLifecycle(r.apiVersion, r.kind)?.replacement;
  if (!r || !isScalar(value) || !target || !API_VERSION.test(target) || !servedInWindow(target, r.kind, input.settings.kubernetes)) return undefined;
  const rename = input.editor.setScalar(value, target);
  const moves = structuralEdits(input, r.apiVersion);
  if (!rename || !moves) return undefined;
  const edits = [...rename, ...moves];
  return validatesAfter(input, edits) ? edits : undefined;
};
