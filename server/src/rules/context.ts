import { isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { findPair, getAt, scalarText, type Anchors } from '../model/nodes';
import type { Resource } from '../model/resource';
import type { NodePath, Severity } from '../model/types';
import type { YamlDocument } from '../model/yamlDocument';
import type { DocumentFinding } from '../service/finding';
import { format } from '../service/messages';
import type { TrackedIndex } from '../cross/trackedIndex';
import type { AnalysisEnv } from '../service/env';
import type { Settings } from '../service/settings';
import { podSpecOf, type PodSpecView } from './podSpec';
import type { Report, RuleContext, RuleDefinition, Target } from './types';

/** Everything a resource's rule contexts share. */
export interface ContextInput {
  doc: YamlDocument;
  resource: Resource;
  resourceIndex: number;
  settings: Settings;
  env: AnalysisEnv;
  index?: TrackedIndex;
  out: DocumentFinding[];
  /** Pod specs are computed once per resource and shared by its rules. */
  podSpecs: () => readonly PodSpecView[];
}

/** A rule as it runs under the settings: its level and its options worked out. */
export interface RuleRun {
  rule: RuleDefinition;
  severity: Severity;
  options: Record<string, unknown>;
}

/** A resource's rule context: `run` points it at each rule in turn, before that rule's `check`. */
export interface ResourceContext extends RuleContext {
  run(rule: RuleRun): void;
}

/** Builds the context the rules of one resource run with; reports land in `input.out`. */
export function createContext(input: ContextInput): ResourceContext {
  return new Context(input);
}

/** The context of one resource, its methods on the prototype; the rules checking the resource take turns with it. */
class Context implements ResourceContext {
  readonly resource: Resource;
  readonly doc: YamlDocument;
  readonly anchors: Anchors;
  readonly settings: Settings;
  readonly env: AnalysisEnv;
  readonly index?: TrackedIndex;
  readonly podSpecs: () => readonly PodSpecView[];
  private current: RuleRun | undefined;

  constructor(private readonly input: ContextInput) {
    this.resource = input.resource;
    this.doc = input.doc;
    this.anchors = input.doc.anchors;
    this.settings = input.settings;
    this.env = input.env;
    this.index = input.index;
    this.podSpecs = input.podSpecs;
  }

  run(rule: RuleRun): void {
    this.current = rule;
  }

  get options(): Readonly<Record<string, unknown>> {
    return this.current?.options ?? {};
  }

  at(path: NodePath, from?: Node): Node | undefined {
    return getAt(from ?? this.resource.node, path, this.anchors);
  }

  pair(map: Node | undefined, key: string): Pair | undefined {
    return findPair(this.anchors.resolve(map), key, this.anchors);
  }

  str(path: NodePath, from?: Node): string | undefined {
    return scalarText(this.at(path, from));
  }

  num(path: NodePath, from?: Node): number | undefined {
    const n = this.at(path, from);
    return isScalar(n) && typeof n.value === 'number' ? n.value : undefined;
  }

  specAnchor(): Target {
    return findPair(this.resource.node, 'spec', this.anchors) ?? this.resource.kindSpan;
  }

  report(r: Report): void {
    const { settings, doc } = this.input;
    const { rule, severity } = this.current!;
    const template = rule.messages[r.variant ?? 'default'] ?? rule.messages.default;
    this.input.out.push({
      ruleId: rule.id,
      severity,
      message: format(template, settings.locale, r.args),
      span: targetSpan(r.at, doc.text),
      resource: this.input.resourceIndex,
      fixes: [...(r.fixes ?? rule.fixes ?? [])],
      related: r.related,
    });
  }
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
