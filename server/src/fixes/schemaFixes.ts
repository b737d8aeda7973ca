import { isMap, isPair, isScalar, type Pair, type YAMLMap } from 'yaml';
import { findPair, scalarText, walk } from '../model/nodes';
import { parseYamlFile } from '../model/yamlFile';
import { targetSpan } from '../rules/context';
import { uniqueClosest } from '../schema/closest';
import { schemaIssues, type SchemaCode, type SchemaIssue } from '../schema/validate';
import { renameKey } from './blockEdits';
import { applyEdits, type Edit } from './edits';
import type { FixBuilder, FixInput } from './types';

/** The schema issue of the current parse that the finding points at, recomputed from the resource. */
function issueAt({ scope, settings, env }: FixInput, code: SchemaCode): SchemaIssue | undefined {
  const r = scope.resource;
  const doc = scope.placed.doc;
  if (!r) return undefined;
  return schemaIssues(r, doc.anchors, settings.kubernetes, env).find((i) => i.code === code && targetSpan(i.at, doc.text)[0] === scope.offset);
}

/** True when the edits leave the resource with fewer schema issues than it has now. */
function fewerIssues(input: FixInput, edits: Edit[]): boolean {
  const { file, scope, settings, env } = input;
  const at = scope.placed.doc.resources.indexOf(scope.resource!);
  const before = schemaIssues(scope.resource!, scope.placed.doc.anchors, settings.kubernetes, env).length;
  const placed = parseYamlFile(applyEdits(file.text, edits), { templates: settings.templates }, file).documents[scope.placed.index];
  const after = placed?.doc.resources[at];
  return !!after && !placed.doc.ast.errors.length && schemaIssues(after, placed.doc.anchors, settings.kubernetes, env).length < before;
}

/** The mapping that holds a pair itself (not through a `<<` merge). */
function holderOf(root: YAMLMap, pair: Pair): YAMLMap | undefined {
  let found: YAMLMap | undefined;
  walk(root, (n) => {
    if (!found && isMap(n) && n.items.includes(pair)) found = n;
  });
  return found;
}

/**
 * `replace-enum-value`: the value becomes the one allowed value it most likely meant (the only one
 * equal ignoring case, else the only closest within a small edit distance), keeping its quoting;
 * not offered when no allowed value is that close or two are equally close.
 */
export const replaceEnumValue: FixBuilder = (input) => {
  const issue = issueAt(input, 'enum');
  const node = issue?.at;
  const value = isScalar(node) ? scalarText(node) : undefined;
  const choice = value === undefined ? undefined : uniqueClosest(value, issue?.choices ?? []);
  const edits = choice === undefined || !isScalar(node) ? undefined : input.editor.setScalar(node, choice);
  return edits && fewerIssues(input, edits) ? edits : undefined;
};

/**
 * `rename-unknown-field`: the key becomes the one field name it most likely meant (same rule as
 * {@link replaceEnumValue}), keeping its quoting; not offered when the mapping already has that
 * key or the rename would not reduce the resource's schema issues.
 */
export const renameUnknownField: FixBuilder = (input) => {
  const issue = issueAt(input, 'unknown-field');
  const pair = issue?.at;
  const r = input.scope.resource;
  if (!r || !isPair(pair) || typeof issue?.args.name !== 'string') return undefined;
  const choice = uniqueClosest(issue.args.name, issue.choices ?? []);
  const map = holderOf(r.node, pair as Pair);
  if (!choice || !map || findPair(map, choice, input.scope.placed.doc.anchors)) return undefined;
  const edits = renameKey(input.editor, map, pair as Pair, choice);
  return edits && fewerIssues(input, edits) ? edits : undefined;
};
