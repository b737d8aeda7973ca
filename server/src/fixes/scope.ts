import type { Finding } from '../service/finding';
import { documentOffset, type PlacedDocument } from '../model/yamlDocument';
import type { YamlFile } from '../model/yamlFile';
import type { Resource } from '../model/resource';
import { formatPath } from '../model/locate';
import { podSpecOf, type ContainerView, type PodSpecView } from '../rules/podSpec';

/** What a finding is about, found again in the current parse from its position. */
export interface FindingScope {
  placed: PlacedDocument;
  /** Document-relative offset of the finding's start. */
  offset: number;
  resource: Resource | undefined;
  pod: PodSpecView | undefined;
  /** The container holding the finding, when it is inside one. */
  container: ContainerView | undefined;
}

/** Finds the document, resource, pod spec and container a finding points into. */
export function scopeOf(file: YamlFile, finding: Pick<Finding, 'range' | 'document'>): FindingScope | undefined {
  const placed = file.documents[finding.document];
  if (!placed) return undefined;
  const offset = documentOffset(placed, finding.range.start);
  if (offset === undefined) return undefined;
  const resource = placed.doc.resources.find((r) => r.span[0] <= offset && offset <= r.span[1]);
  const pod = resource ? podSpecOf(resource, placed.doc.anchors) : undefined;
  const container = pod?.containers.find((c) => c.node.range && c.node.range[0] <= offset && offset <= c.node.range[1]);
  return { placed, offset, resource, pod, container };
}

/** A key naming what a finding is about independently of positions: resource identity and container path. */
export function scopeKey(ruleId: string, scope: FindingScope | undefined): string {
  const r = scope?.resource;
  const who = r ? `${r.kind}/${r.namespace ?? ''}/${r.name ?? ''}` : '';
  return `${ruleId}|${who}|${scope?.container ? formatPath(scope.container.path) : ''}`;
}
