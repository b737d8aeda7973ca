import type { YAMLMap } from 'yaml';
import type { Anchors } from '../model/nodes';
import type { Resource } from '../model/resource';
import type { AnalysisEnv } from '../service/env';
import { INCREMENTAL_MIN_SIZE } from '../model/incremental';
import { issuesFromErrors, type SchemaIssue } from './errors';
import { ExpansionLimitError, yamlToJson } from './toJson';
import { fitsDefinition } from './fits';
import { builtinValidator, chooseSchema } from './validators';

export type { SchemaCode, SchemaIssue } from './errors';

/** The target window of Kubernetes minors, as in settings. */
export interface Window {
  min: number;
  max: number;
}

const memo = new WeakMap<YAMLMap, { key: string; issues: SchemaIssue[] }>();

/**
 * Every schema issue of a resource for a window, computed once per (resource node, window, what the
 * CRDs say of its kind) and shared by the `schema/*` rules. The resource is validated against the window's
 * newest minor that serves its kind, or its workspace CRD; unknown fields that exist at another minor
 * of the window are left to the version rules.
 */
export function schemaIssues(resource: Resource, anchors: Anchors, window: Window, env: AnalysisEnv): SchemaIssue[] {
  const key = `${window.min}-${window.max}:${env.crds?.keyFor(resource.group, resource.kind) ?? ''}`;
  const cached = memo.get(resource.node);
  if (cached?.key === key) return cached.issues;
  const issues = computeIssues(resource, anchors, window, env);
  memo.set(resource.node, { key, issues });
  return issues;
}

function computeIssues(resource: Resource, anchors: Anchors, window: Window, env: AnalysisEnv): SchemaIssue[] {
  const choice = chooseSchema(window, resource.apiVersion, resource.kind, env.crds);
  switch (choice.kind) {
    case 'skip':
      return [];
    case 'unknown':
      return [{ code: 'unknown-kind', at: resource.kindSpan, args: { kind: resource.kind, apiVersion: resource.apiVersion } }];
    case 'unservedVersion':
      return [{ code: 'unknown-kind', at: resource.kindSpan, variant: 'version', args: { kind: resource.kind, apiVersion: resource.apiVersion, versions: choice.versions.join(', ') } }];
  }
  if (choice.kind === 'builtin' && fitsDefinition(resource.node, anchors, choice.store.loadVersion(choice.minor), choice.definition)) return [];
  const validate = choice.kind === 'builtin' ? builtinValidator(choice.store, choice.minor, resource.apiVersion, resource.kind) : choice.validate;
  if (!validate) return [];
  let data: unknown;
  try {
    data = yamlToJson(resource.node, anchors, { cache: resource.span[1] - resource.span[0] >= INCREMENTAL_MIN_SIZE });
  } catch (e) {
    if (e instanceof ExpansionLimitError) return [];
    throw e;
  }
  if (validate(data)) return [];
  const store = choice.kind === 'builtin' ? choice.store : undefined;
  const existsElsewhere = store
    ? (path: (string | number)[]) => store.fieldMinors(resource.apiVersion, resource.kind, path).some((m) => m >= window.min && m <= window.max)
    : undefined;
  return issuesFromErrors(validate.errors ?? [], { resource, anchors, data, existsElsewhere });
}
