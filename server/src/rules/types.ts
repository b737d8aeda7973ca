import { isNode, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Anchors } from '../model/nodes';
import type { Resource } from '../model/resource';
import type { NodePath, Severity } from '../model/types';
import type { YamlDocument } from '../model/yamlDocument';
import type { Localized, MessageArg } from '../service/messages';
import type { TrackedIndex } from '../cross/trackedIndex';
import type { AnalysisEnv } from '../service/env';
import type { RelatedLocation } from '../service/finding';
import type { Settings } from '../service/settings';
import type { PodSpecView } from './podSpec';

/** Groups rules in docs, settings and the CLI's listing. `yaml` and `api` rules are on in every profile. */
export type RuleCategory =
  | 'yaml'
  | 'config'
  | 'schema'
  | 'version'
  | 'api'
  | 'probes'
  | 'resources'
  | 'availability'
  | 'security'
  | 'jobs'
  | 'variables'
  | 'cross';

/** Rule sets: the guide's checklist, the two Pod Security Standards levels, and what the API server rejects. */
export type Profile = 'production' | 'baseline' | 'restricted' | 'minimal';

export const PROFILES: readonly Profile[] = ['production', 'baseline', 'restricted', 'minimal'];

/** Where a finding goes: a node, a pair (its key), or document-relative offsets. */
export type Target = Node | Pair | readonly [number, number];

/** Where a finding about a pair's value goes: the value node, else the key. */
export function valueOf(pair: Pair): Target {
  return isNode(pair.value) ? pair.value : pair;
}

/** What a rule reports. */
export interface Report {
  /** The offending key or value; for a missing field, the key of its parent. */
  at: Target;
  /** Message variant (default `default`). */
  variant?: string;
  /** Values for the message's `{placeholders}`. */
  args?: Record<string, MessageArg>;
  /** Fix ids for this finding, when not all of the rule's fixes apply. */
  fixes?: readonly string[];
  /** The other resources the finding is about (cross-document rules). */
  related?: RelatedLocation[];
}

/** What a rule's `check` sees: one resource of one parsed document, and helpers over it. */
export interface RuleContext {
  readonly resource: Resource;
  readonly doc: YamlDocument;
  readonly anchors: Anchors;
  readonly settings: Settings;
  /** What is known beyond the document (workspace CRD schemas). */
  readonly env: AnalysisEnv;
  /** The workspace index, recording what is read; present for cross-document rules only. */
  readonly index?: TrackedIndex;
  /** The rule's options from settings or `.kws.yaml`, over its defaults. */
  readonly options: Readonly<Record<string, unknown>>;
  /** The node at a path below `from` (default: the resource), aliases resolved. */
  at(path: NodePath, from?: Node): Node | undefined;
  /** The pair holding `key` in a mapping, for anchoring a finding on the key. */
  pair(map: Node | undefined, key: string): Pair | undefined;
  /** A scalar as a string (numbers and booleans too), or undefined. */
  str(path: NodePath, from?: Node): string | undefined;
  /** A scalar number, or undefined. */
  num(path: NodePath, from?: Node): number | undefined;
  /** Every pod spec the resource carries (Pod, workloads, Job, CronJob), with its containers. */
  podSpecs(): readonly PodSpecView[];
  /** Where a missing top-level field is reported: the `spec:` key, else the `kind:` value. */
  specAnchor(): Target;
  report(r: Report): void;
}

/**
 * A rule as data plus a small `check`. The registry holds one per id and is the single source of
 * truth for the server, the CLI, settings and docs.
 */
export interface RuleDefinition {
  /** Stable id; a contract with docs, fixes, settings and CI users. */
  id: string;
  category: RuleCategory;
  title: Localized;
  /** Message templates by variant; `default` is required. */
  messages: { default: Localized } & Record<string, Localized>;
  /** Severity in the `production` profile when the user configured none. */
  severity: Severity;
  /** Pod Security Standards level this rule implements; PSS rules are errors in those profiles. */
  pss?: 'baseline' | 'restricted';
  /** Severity per profile, overriding what category and `pss` imply. */
  profiles?: Partial<Record<Profile, Severity | 'off'>>;
  /** Kinds the rule applies to; all kinds when absent. */
  kinds?: readonly string[];
  /** Ids of the fixes this rule's findings may offer. */
  fixes?: readonly string[];
  /** The guide's section(s) this rule comes from, e.g. `2.1.2`. */
  guide?: readonly string[];
  /** Default options, overridable per rule in settings and `.kws.yaml`. */
  options?: Readonly<Record<string, unknown>>;
  check?(ctx: RuleContext): void;
}

/** Declares a rule (identity function that checks the shape). */
export function defineRule(rule: RuleDefinition): RuleDefinition {
  return rule;
}

/** A pod template's `metadata` and a container mapping, named for readability in rule code. */
export type MapNode = YAMLMap;
