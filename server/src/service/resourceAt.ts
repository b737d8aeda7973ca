import { locate } from '../model/locate';
import { refOf, type ResourceRef } from '../model/resource';
import type { NodePath, Position, Range } from '../model/types';
import { documentOffset, fileRange } from '../model/yamlDocument';
import { documentAt, type YamlFile } from '../model/yamlFile';

/** The resource under a position, as the client's rollout commands need it. */
export interface ResourceAt {
  resource: ResourceRef;
  /** Range of the resource's mapping in the file. */
  range: Range;
  /** Index of the YAML document in the file. */
  document: number;
  /** Path from the resource root to the node under the position. */
  path: NodePath;
}

/** Finds the resource whose text holds the position, if any. */
export function resourceAt(file: YamlFile, pos: Position): ResourceAt | undefined {
  const placed = documentAt(file, pos);
  if (!placed || !placed.doc.resources.length) return undefined;
  const offset = documentOffset(placed, pos) ?? 0;
  const loc = locate(placed.doc.ast.contents, offset);
  const inside = placed.doc.resources.filter((r) => r.path.every((step, i) => loc.path[i] === step));
  const r = inside.sort((a, b) => b.path.length - a.path.length)[0];
  if (!r) return undefined;
  return { resource: refOf(r), range: fileRange(placed, r.span), document: placed.index, path: loc.path.slice(r.path.length) };
}

/** Every resource of a file, in order, as `resourceAt` would name it at its first line. */
export function resourcesOf(file: YamlFile): ResourceAt[] {
  return file.documents.flatMap((placed) =>
    placed.doc.resources.map((r) => ({ resource: refOf(r), range: fileRange(placed, r.span), document: placed.index, path: [] })),
  );
}
