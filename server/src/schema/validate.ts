import type { YAMLMap } from 'yaml';
import type { Anchors } from '../model/nodes';
import type { Resource } from '../model/resource';
import type { AnalysisEnv } from '../service/env';
import { INCREMENTAL_MIN_SIZE } from '../model/incremental';
import { issuesFromErrors, type SchemaIssue } from './errors';
import { ExpansionLimitError, yamlToJson } from './toJson';
import { fitOf } from './fits';
import { builtinValidator, chooseSchema, type SchemaChoice } from './validators';

export type { SchemaCode, SchemaIssue } from './errors';

/** The target window of Kubernetes minors, as in settings. */
export interface Window {
  min: number;
  max: number;
}

/** A resource's schema issues for one window and CRD state, and the minor where it fits with every key known, if it does. */
interface Validated {
  key: string;
  issues: SchemaIssue[];
  keysKnownAt?: number;
}

const memo = new WeakMap<YAMLMap, Validated>();

const memoKey = (resource: Resource, window: Window, env: AnalysisEnv): string => `${window.min}-${window.max}:${env.crds?.keyFor(resource.group, resource.kind) ?? ''}`;

/**
 * Every schema issue of a resource for a window, computed once per (resource node, window, what the
 * CRDs say of its kind) and shared by the `schema/*` rules. The resource is validated against the window's
 * newest minor that serves its kind, or its workspace CRD; unknown fields that exist at another minor
 * of the window are left to the version rules.
 */
export function schemaIssues(resource: Resource, anchors: Anchors, window: Window, env: AnalysisEnv): SchemaIssue[] {
  const key = memoKey(resource, window, env);
  const cached = memo.get(resource.node);
  if (cached?.key === key) return cached.issues;
  const validated = validate(resource, anchors, window, env);
  memo.set(resource.node, { key, ...validated });
  return validated.issues;
}

/**
 * The store minor at which a resource's built-in schema was found to fit it with every key of its mappings listed by
 * their definitions (null-valued keys included), by a validation `schemaIssues` already made for the same window and
 * CRD state; undefined otherwise. It never validates: a caller that finds nothing here does its own work.
 */
export function validatedKeysKnownAt(resource: Resource, window: Window, env: AnalysisEnv): number | undefined {
  const cached = memo.get(resource.node);
  return cached?.key === memoKey(resource, window, env) ? cached.keysKnownAt : undefined;
}

function validate(resource: Resource, anchors: Anchors, window: Window, env: AnalysisEnv): Omit<Validated, 'key'> {
  const choice = chooseSchema(window, resource.apiVersion, resource.kind, env.crds);
  if (choice.kind === 'builtin') {
    const fit = fitOf(resource.node, anchors, choice.store.loadVersion(choice.minor), choice.definition);
    if (fit !== 'no') return { issues: [], keysKnownAt: fit === 'keysKnown' ? choice.minor : undefined };
  }
  return { issues: computeIssues(resource, anchors, window, choice) };
}

function computeIssues(resource: Resource, anchors: Anchors, window: Window, choice: SchemaChoice): SchemaIssue[] {
  switch (choice.kind) {
    case 'skip':
      return [];
    case 'unknown':
      return [{ code: 'unknown-kind', at: resource.kindSpan, args: { kind: resource.kind, apiVersion: resource.apiVersion } }];
    case 'unservedVersion':
      return [{ code: 'unknown-kind', at: resource.kindSpan, variant: 'version', args: { kind: resource.kind, apiVersion: resource.apiVersion, versions: choice.versions.join(', ') } }];
  }
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
