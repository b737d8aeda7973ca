import type { FieldInfo } from '../schema/expand';
import type { SchemaStore } from '../schema/store';
import { fieldTree, type FieldNode } from '../versions/fieldTree';
import type { VersionWindow } from '../versions/window';
import type { LineSource } from './context';
import { lineShape } from './lineShape';

/** A kind's field at a path, seen through the minors of the target window. */
export interface WindowField {
  node: FieldNode;
  /** Store minors (ascending) in which the field exists. */
  minors: number[];
  /** Window minors in which it exists. */
  inWindow: number[];
  /** What the newest window minor (else the newest minor) that has it says. */
  info: FieldInfo;
}

/** The store minors of a window (clamped to what the store serves). */
export function windowMinors(store: SchemaStore, w: VersionWindow): number[] {
  return store.minors.filter((m) => m >= w.min && m <= w.max);
}

/** Follows a path (keys, and any number for a list item) down a field tree. */
export function walkTree(root: FieldNode | undefined, path: readonly (string | number)[]): FieldNode | undefined {
  let node = root;
  for (const step of path) node = typeof step === 'number' ? node?.item() : node?.child(step);
  return node;
}

/** A field node as seen through the window, or undefined when no minor has it. */
export function windowField(store: SchemaStore, node: FieldNode | undefined, w: VersionWindow): WindowField | undefined {
  if (!node) return undefined;
  const minors = store.minors.filter((_, i) => node.has(i));
  if (!minors.length) return undefined;
  const inWindow = minors.filter((m) => m >= w.min && m <= w.max);
  const pick = (inWindow.length ? inWindow : minors)[(inWindow.length ? inWindow : minors).length - 1];
  return { node, minors, inWindow, info: node.infos[store.minors.indexOf(pick)]! };
}

/** The field at a path of a kind through the window. */
export function fieldFor(store: SchemaStore, apiVersion: string, kind: string, path: readonly (string | number)[], w: VersionWindow): WindowField | undefined {
  return windowField(store, walkTree(fieldTree(store, apiVersion, kind), path), w);
}

/** Union over the window of a field's properties (object fields), in schema order. */
export function windowProperties(store: SchemaStore, field: WindowField): string[] {
  const out = new Set<string>();
  const minors = field.inWindow.length ? field.inWindow : field.minors;
  for (const m of minors) for (const p of field.node.infos[store.minors.indexOf(m)]?.properties ?? []) out.add(p);
  return [...out];
}

/** Union over the window of a field's allowed values. */
export function windowEnum(store: SchemaStore, field: WindowField): string[] {
  const out = new Set<string>();
  for (const m of field.inWindow) for (const v of field.node.infos[store.minors.indexOf(m)]?.enum ?? []) out.add(v);
  return [...out];
}

/** The `apiVersion` and `kind` of the YAML document holding a line, read from its root-level lines. */
export function documentKind(src: LineSource, line: number): { apiVersion?: string; kind?: string } {
  const out: { apiVersion?: string; kind?: string } = {};
  const scan = (l: number) => {
    const text = src.lineAt(l);
    if (text.startsWith('apiVersion:') || text.startsWith('kind:')) {
      const s = lineShape(text);
      if (s.value && !s.value.startsWith('{')) out[s.key as 'apiVersion' | 'kind'] = s.value.replace(/^["']|["']$/g, '');
    }
  };
  for (let l = line; l >= 0 && !/^(---|\.\.\.)(\s|$)/.test(src.lineAt(l)); l--) scan(l);
  for (let l = line + 1; l < src.lineCount && !/^(---|\.\.\.)(\s|$)/.test(src.lineAt(l)); l++) scan(l);
  return out;
}
