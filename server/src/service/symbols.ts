import { isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { MAX_DEPTH, get, scalarText } from '../model/nodes';
import { asResource, type Resource } from '../model/resource';
import type { Range } from '../model/types';
import { fileRange, type PlacedDocument } from '../model/yamlDocument';
import type { YamlFile } from '../model/yamlFile';
import { resourceLabel } from '../protocol';

/** What an outline entry stands for; the LSP layer maps it to a SymbolKind. */
export type OutlineKind = 'resource' | 'document' | 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

/** One entry of a file's outline: a resource (`Kind/name (namespace)`) or a key beneath it. */
export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: OutlineKind;
  range: Range;
  selectionRange: Range;
  children: OutlineSymbol[];
}

/** The most entries an outline holds, so a huge generated file still answers quickly. */
export const MAX_OUTLINE_SYMBOLS = 50_000;

/** The outline of a file: each document (or `kind: List` item) as its resource, with its keys beneath. */
export function documentSymbols(file: YamlFile): OutlineSymbol[] {
  const budget = { left: MAX_OUTLINE_SYMBOLS };
  return file.documents.map((placed) => documentSymbol(placed, budget));
}

function documentSymbol(placed: PlacedDocument, budget: { left: number }): OutlineSymbol {
  const { doc } = placed;
  const root = doc.ast.contents as Node | null;
  const whole = fileRange(placed, [root?.range?.[0] ?? 0, root?.range?.[1] ?? doc.text.length]);
  const top = asResource(doc.anchors.resolve(root), [], doc.anchors);
  const symbol: OutlineSymbol = {
    name: top ? resourceLabel(top) : `#${placed.index + 1}`,
    detail: top ? top.apiVersion : undefined,
    kind: top ? 'resource' : 'document',
    range: whole,
    selectionRange: top ? fileRange(placed, top.kindSpan) : whole,
    children: [],
  };
  symbol.children = children(root, placed, budget, 0);
  if (top && top.kind.endsWith('List')) {
    const items = symbol.children.find((c) => c.name === 'items');
    if (items) items.children = items.children.map((c, i) => relabel(c, doc.resources.find((r) => r.path[1] === i)));
  }
  return symbol;
}

function relabel(s: OutlineSymbol, r: Resource | undefined): OutlineSymbol {
  return r ? { ...s, name: resourceLabel(r), detail: r.apiVersion, kind: 'resource' } : s;
}

function children(node: Node | null | undefined, placed: PlacedDocument, budget: { left: number }, depth: number): OutlineSymbol[] {
  if (depth > MAX_DEPTH || budget.left <= 0) return [];
  const out: OutlineSymbol[] = [];
  if (isMap(node)) {
    for (const pair of node.items as Pair[]) {
      if (!isPair(pair) || budget.left-- <= 0) break;
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      const start = key?.range?.[0] ?? value?.range?.[0] ?? 0;
      const end = value?.range?.[1] ?? key?.range?.[1] ?? start;
      out.push({
        name: scalarText(key) ?? '?',
        detail: isScalar(value) ? scalarText(value) : undefined,
        kind: kindOf(value),
        range: fileRange(placed, [start, end]),
        selectionRange: fileRange(placed, [start, key?.range?.[1] ?? end]),
        children: children(value, placed, budget, depth + 1),
      });
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      if (budget.left-- <= 0) return;
      const n = item as Node;
      const span: [number, number] = [n?.range?.[0] ?? 0, n?.range?.[1] ?? 0];
      const label = scalarText(get(n, 'name')) ?? (isScalar(n) ? scalarText(n) : undefined);
      out.push({
        name: label ? `[${i}] ${label}` : `[${i}]`,
        kind: kindOf(n),
        range: fileRange(placed, span),
        selectionRange: fileRange(placed, span),
        children: isScalar(n) ? [] : children(n, placed, budget, depth + 1),
      });
    });
  }
  return out;
}

function kindOf(node: unknown): OutlineKind {
  if (isMap(node)) return 'object';
  if (isSeq(node)) return 'array';
  if (!isScalar(node)) return 'null';
  const v = node.value;
  return typeof v === 'number' || typeof v === 'bigint' ? 'number' : typeof v === 'boolean' ? 'boolean' : v === null ? 'null' : 'string';
}
