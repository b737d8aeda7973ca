import { isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { findPair, getAt, scalarText } from '../model/nodes';
import type { Resource } from '../model/resource';
import type { Severity } from '../model/types';
import type { YamlDocument } from '../model/yamlDocument';
import type { DocumentFinding } from '../service/finding';
import { format } from '../service/messages';
import type { TrackedIndex } from '../cross/trackedIndex';
import type { AnalysisEnv } from '../service/env';
import type { Settings } from '../service/settings';
import { podSpecOf, type PodSpecView } from './podSpec';
import type { Report, RuleContext, RuleDefinition, Target } from './types';

/** Everything needed to build a rule's context for one resource. */
export interface ContextInput {
  rule: RuleDefinition;
  doc: YamlDocument;
  resource: Resource;
  resourceIndex: number;
  settings: Settings;
  env: AnalysisEnv;
  index?: TrackedIndex;
  severity: Severity;
  options: Record<string, unknown>;
  out: DocumentFinding[];
  /** Pod specs are computed once per resource and shared by its rules. */
  podSpecs: () => readonly PodSpecView[];
}

/** Builds the context a rule's `check` runs with; reports land in `input.out`. */
export function createContext(input: ContextInput): RuleContext {
  const { rule, doc, resource, settings } = input;
  const anchors = doc.anchors;
  const at = (path: readonly (string | number)[], from?: Node) => getAt(from ?? resource.node, path, anchors);
  return {
    resource,
    doc,
    anchors,
    settings,
    env: input.env,
    index: input.index,
    options: input.options,
    at,
    pair: (map, key) => findPair(anchors.resolve(map), key, anchors),
    str: (path, from) => scalarText(at(path, from)),
    num: (path, from) => {
      const n = at(path, from);
      return isScalar(n) && typeof n.value === 'number' ? n.value : undefined;
    },
    podSpecs: input.podSpecs,
    specAnchor: () => findPair(resource.node, 'spec', anchors) ?? resource.kindSpan,
    report: (r: Report) => {
      const template = rule.messages[r.variant ?? 'default'] ?? rule.messages.default;
      input.out.push({
        ruleId: rule.id,
        severity: input.severity,
        message: format(template, settings.locale, r.args),
        span: targetSpan(r.at, doc.text),
        resource: input.resourceIndex,
        fixes: [...(r.fixes ?? rule.fixes ?? [])],
        related: r.related,
      });
    },
  };
}

/** The pod specs of a resource (none or one today; a list keeps room for kinds that carry several). */
export function podSpecsOf(resource: Resource, doc: YamlDocument): PodSpecView[] {
  const view = podSpecOf(resource, doc.anchors);
  return view ? [view] : [];
}

/**
 * The offsets a finding covers: a pair's key, a scalar's value, or the first line of a collection,
 * never a whole document.
 */
export function targetSpan(target: Target, text: string): [number, number] {
  if (Array.isArray(target)) return [target[0], target[1]];
  const node = isPair(target as Pair) ? ((target as Pair).key as Node) : (target as Node);
  const r = node?.range;
  if (!r) return [0, 1];
  if (isMap(node) || isSeq(node)) {
    const eol = text.indexOf('\n', r[0]);
    const end = Math.min(r[1], eol === -1 ? text.length : eol);
    return [r[0], Math.max(end, r[0] + 1)];
  }
  return [r[0], Math.max(r[1], r[0] + 1)];
}
