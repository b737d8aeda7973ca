import { containerLimitsIn, type ContainerLimits } from '../cross/limits';
import { TrackedIndex } from '../cross/trackedIndex';
import { getAt, scalarText } from '../model/nodes';
import { ruleOptions } from '../rules/levels';
import { parseQuantity } from '../rules/quantity';
import { getRule } from '../rules/registry';
import type { YamlDocument } from '../model/yamlDocument';
import { analyzeDocument, applySuppressions } from '../rules/engine';
import type { AnalysisEnv } from '../service/env';
import type { DocumentFinding } from '../service/finding';
import type { Settings } from '../service/settings';
import { mergeUnder } from './places';
import type { YValue } from './style';
import type { FixBuilder, FixInput } from './types';

type Section = 'requests' | 'limits';
type Resource = 'cpu' | 'memory';

/** The rules `add-resources` answers, and what each asks for. */
const RULES: Record<string, { section: Section; resource: Resource }> = {
  'cpu-request-missing': { section: 'requests', resource: 'cpu' },
  'memory-request-missing': { section: 'requests', resource: 'memory' },
  'cpu-limit-missing': { section: 'limits', resource: 'cpu' },
  'memory-limit-missing': { section: 'limits', resource: 'memory' },
};

/** Starting values when no LimitRange gives defaults: a small service, memory limit at twice the request. */
const PLACEHOLDERS: Record<Section, Record<Resource, string>> = {
  requests: { cpu: '100m', memory: '128Mi' },
  limits: { cpu: '500m', memory: '256Mi' },
};

/** The LimitRange default for a section and resource: `defaultRequest` (else `default`) for requests, `default` for limits. */
function fromLimitRange(ranges: readonly ContainerLimits[], section: Section, resource: Resource): string | undefined {
  for (const l of ranges) {
    const v = section === 'requests' ? l.defaultRequest[resource] ?? l.default[resource] : l.default[resource];
    if (v !== undefined) return v;
  }
  return undefined;
}

const analyses = new WeakMap<YamlDocument, { settings: Settings; env: AnalysisEnv; findings: DocumentFinding[] }>();

/** The single-resource findings of the finding's document, once per parse, settings and environment (a code action builds this fix for several findings). */
function findingsOf(input: FixInput): DocumentFinding[] {
  const doc = input.scope.placed.doc;
  const known = analyses.get(doc);
  if (known?.settings === input.settings && known.env === input.env) return known.findings;
  const findings = applySuppressions(doc, input.settings, analyzeDocument(doc, input.settings, input.env));
  analyses.set(doc, { settings: input.settings, env: input.env, findings });
  return findings;
}

/** What the container's resource rules that still report ask for, by section and resource. */
function wanted(input: FixInput): { section: Section; resource: Resource }[] {
  const range = input.scope.container!.node.range!;
  const asks = findingsOf(input).filter((f) => RULES[f.ruleId] && range[0] <= f.span[0] && f.span[0] <= range[1]).map((f) => RULES[f.ruleId]);
  return [...new Set(asks)];
}

/** A limit neither below the request nor above `limit-request-ratio`'s ratio for the resource, else the request itself. */
function limitFor(limit: string, request: string | undefined, resource: Resource, settings: Settings): string {
  const l = parseQuantity(limit);
  const r = request === undefined ? undefined : parseQuantity(request);
  const rule = getRule('limit-request-ratio');
  const max = Number(rule ? ruleOptions(rule, settings)[resource] : NaN);
  if (l === undefined || r === undefined || r <= 0) return limit;
  return l >= r && (!Number.isFinite(max) || l <= max * r) ? limit : request!;
}

/**
 * `add-resources`: the requests and limits that the container's resource rules report missing, all at once,
 * merged into its `resources`; values from the namespace's LimitRange defaults for containers when the
 * workspace has one, else placeholders; an added limit is never below the container's request.
 */
export const addResources: FixBuilder = (input) => {
  const { scope, editor, env } = input;
  const c = scope.container;
  const r = scope.resource;
  if (!c?.node.range || !r) return undefined;
  const index = env.index ? new TrackedIndex(env.index) : undefined;
  const ranges = index ? containerLimitsIn(index, index.namespaceOf(r)) : [];
  const want: Record<Section, { [key: string]: YValue }> = { requests: {}, limits: {} };
  const asks = wanted(input);
  for (const section of ['requests', 'limits'] as const) {
    for (const resource of ['cpu', 'memory'] as const) {
      if (!asks.some((a) => a.section === section && a.resource === resource)) continue;
      const value = fromLimitRange(ranges, section, resource) ?? PLACEHOLDERS[section][resource];
      const request = want.requests[resource] ?? scalarText(getAt(c.node, ['resources', 'requests', resource]));
      want[section][resource] = section === 'limits' ? limitFor(value, request as string | undefined, resource, input.settings) : value;
    }
  }
  const resources: { [key: string]: YValue } = {};
  for (const section of ['requests', 'limits'] as const) if (Object.keys(want[section]).length) resources[section] = want[section];
  if (!Object.keys(resources).length) return undefined;
  return mergeUnder(editor, c.node, 'resources', resources);
};
