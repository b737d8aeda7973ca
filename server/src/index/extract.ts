import { isMap } from 'yaml';
import { getAt, type Anchors } from '../model/nodes';
import { readSelector, stringMap } from '../rules/helpers';
import type { Resource, ResourceRef } from '../model/resource';
import { sameRange, type Range } from '../model/types';
import { fileRange, type PlacedDocument } from '../model/yamlDocument';
import type { YamlFile } from '../model/yamlFile';
import { extractFacts, type ResourceFacts } from './facts';
import type { LabelSelector } from './selector';

/** What the workspace index keeps of one resource: its identity, where it is, and its labels and selector. */
export interface IndexedResource extends ResourceRef {
  uri: string;
  document: number;
  range: Range;
  /** Range of the `kind:` value, where navigation lands. */
  selectionRange: Range;
  labels: Record<string, string>;
  /** Labels of the pods it creates (its pod template's, or its own for a Pod); null when it makes no pods. */
  podLabels: Record<string, string> | null;
  /** The selector it uses to pick pods (workloads, Service, PDB, NetworkPolicy), if any. */
  selector: LabelSelector | null;
  /** Kind-specific facts the cross-document rules and navigation read. */
  facts: ResourceFacts;
}

const TEMPLATE_PATHS: Record<string, (string | number)[]> = {
  Deployment: ['spec', 'template', 'metadata', 'labels'],
  ReplicaSet: ['spec', 'template', 'metadata', 'labels'],
  StatefulSet: ['spec', 'template', 'metadata', 'labels'],
  DaemonSet: ['spec', 'template', 'metadata', 'labels'],
  Job: ['spec', 'template', 'metadata', 'labels'],
  ReplicationController: ['spec', 'template', 'metadata', 'labels'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'metadata', 'labels'],
  Pod: ['metadata', 'labels'],
};

const SELECTOR_PATHS: Record<string, (string | number)[]> = {
  Deployment: ['spec', 'selector'],
  ReplicaSet: ['spec', 'selector'],
  StatefulSet: ['spec', 'selector'],
  DaemonSet: ['spec', 'selector'],
  Job: ['spec', 'selector'],
  PodDisruptionBudget: ['spec', 'selector'],
  NetworkPolicy: ['spec', 'podSelector'],
};

type Core = Omit<IndexedResource, 'uri' | 'document' | 'range' | 'selectionRange'>;

/**
 * The index entries of every resource in a parsed file. What depends only on a YAML document's text is
 * computed once per parsed document, so entries of documents an edit left alone share their parts
 * with the previous entries (see {@link sameEntry}).
 */
export function extractResources(uri: string, file: YamlFile): IndexedResource[] {
  const out: IndexedResource[] = [];
  for (const placed of file.documents) {
    const cores = coresOf(placed);
    placed.doc.resources.forEach((r, i) => {
      out.push({ ...cores[i], uri, document: placed.index, range: fileRange(placed, r.span), selectionRange: fileRange(placed, r.kindSpan) });
    });
  }
  return out;
}

/** Each core's JSON text, made once when the core is read, so that comparing two cores is comparing two strings. */
const coreTexts = new WeakMap<ResourceFacts, string>();

/** True when two entries say the same, by the identity of their shared parts where it can, else by their cores' text. */
export function sameEntry(a: IndexedResource, b: IndexedResource): boolean {
  const sameCore = (a.facts === b.facts && a.labels === b.labels && a.podLabels === b.podLabels && a.selector === b.selector) || coreText(a) === coreText(b);
  return sameCore && a.uri === b.uri && a.document === b.document && a.name === b.name && a.namespace === b.namespace && a.kind === b.kind && a.apiVersion === b.apiVersion && sameRange(a.range, b.range) && sameRange(a.selectionRange, b.selectionRange);
}

function coreText(r: IndexedResource): string {
  let text = coreTexts.get(r.facts);
  if (text === undefined) {
    text = JSON.stringify([r.apiVersion, r.kind, r.name, r.namespace, r.labels, r.podLabels, r.selector, r.facts]);
    coreTexts.set(r.facts, text);
  }
  return text;
}

function coresOf(placed: PlacedDocument): Core[] {
  const memo = placed.doc.memo.get('index') as Core[] | undefined;
  if (memo) return memo;
  const cores = placed.doc.resources.map((r) => core(r, placed.doc.anchors));
  placed.doc.memo.set('index', cores);
  return cores;
}

function core(r: Resource, a: Anchors): Core {
  const templatePath = TEMPLATE_PATHS[r.kind];
  return {
    apiVersion: r.apiVersion,
    kind: r.kind,
    name: r.name,
    namespace: r.namespace,
    labels: stringMap(getAt(r.node, ['metadata', 'labels'], a), a),
    podLabels: templatePath ? stringMap(getAt(r.node, templatePath, a), a) : null,
    selector: selectorOf(r, a),
    facts: extractFacts(r, a),
  };
}

function selectorOf(r: Resource, a: Anchors): LabelSelector | null {
  if (r.kind === 'Service') {
    const sel = getAt(r.node, ['spec', 'selector'], a);
    return isMap(sel) ? { matchLabels: stringMap(sel, a) } : null;
  }
  const path = SELECTOR_PATHS[r.kind];
  return (path && readSelector(getAt(r.node, path, a), a)) || null;
}
