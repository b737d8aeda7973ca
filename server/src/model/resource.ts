import { isMap, isSeq, type Document, type Node, type YAMLMap } from 'yaml';
import { get, getAt, scalarText, type Anchors } from './nodes';
import type { NodePath } from './types';

/** The identity of a Kubernetes resource, as the CLI's JSON output and the index name it. */
export interface ResourceRef {
  apiVersion: string;
  kind: string;
  name: string | null;
  namespace: string | null;
}

/** A Kubernetes resource found in a YAML document, detected by content (apiVersion and kind). */
export interface Resource extends ResourceRef {
  /** API group (`""` for the core group) and version split from apiVersion. */
  group: string;
  version: string;
  /** The resource's mapping node. */
  node: YAMLMap;
  /** Path of the mapping from the document root: `[]`, or `['items', i]` inside a `kind: List`. */
  path: NodePath;
  /** Document-relative `[start, end)` offsets of the mapping. */
  span: [number, number];
  /** Document-relative `[start, end)` of the `kind:` value, where single-line findings about the kind go. */
  kindSpan: [number, number];
}

/** Finds the resources of one parsed YAML document: the root mapping, or the items of a `*List`. */
export function findResources(doc: Document.Parsed, anchors: Anchors): Resource[] {
  const root = anchors.resolve(doc.contents);
  const top = asResource(root, [], anchors);
  if (!top) return [];
  const items = get(root, 'items', anchors);
  if (!top.kind.endsWith('List') || !isSeq(items)) return [top];
  const found: Resource[] = [];
  items.items.forEach((item, i) => {
    const r = asResource(anchors.resolve(item), ['items', i], anchors);
    if (r) found.push(r);
  });
  return found;
}

/** The resource a mapping describes, when it has apiVersion and kind. */
export function asResource(node: Node | undefined, path: NodePath, anchors: Anchors): Resource | undefined {
  if (!isMap(node)) return undefined;
  const apiVersion = scalarText(get(node, 'apiVersion', anchors));
  const kindNode = get(node, 'kind', anchors);
  const kind = scalarText(kindNode);
  if (!apiVersion || !kind) return undefined;
  const slash = apiVersion.indexOf('/');
  return {
    apiVersion,
    kind,
    group: slash === -1 ? '' : apiVersion.slice(0, slash),
    version: slash === -1 ? apiVersion : apiVersion.slice(slash + 1),
    name: scalarText(getAt(node, ['metadata', 'name'], anchors)) ?? null,
    namespace: scalarText(getAt(node, ['metadata', 'namespace'], anchors)) ?? null,
    node,
    path,
    span: [node.range?.[0] ?? 0, node.range?.[1] ?? 0],
    kindSpan: [kindNode?.range?.[0] ?? 0, kindNode?.range?.[1] ?? 0],
  };
}

/** The plain identity of a resource, without its nodes. */
export function refOf(r: ResourceRef): ResourceRef {
  return { apiVersion: r.apiVersion, kind: r.kind, name: r.name, namespace: r.namespace };
}
