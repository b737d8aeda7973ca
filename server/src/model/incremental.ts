import { isAlias, isMap, isPair, isScalar, isSeq, Pair, YAMLMap, YAMLSeq, type Document, type Node, type ParsedNode } from 'yaml';
import { LineIndex } from './lines';
import { findResources } from './resource';
import { copyCollection, shiftRange } from './fastNodes';
import { isMergeKey } from './nodes';
import { duplicateKeys, parseText, type ParseProblem, type YamlDocument } from './yamlDocument';

/** Documents below this size are re-parsed whole: it costs a few milliseconds. */
export const INCREMENTAL_MIN_SIZE = 32 * 1024;

/** A block collection on the way down to an edit, and its place in its parent's items (-1 for the root). */
interface Slot {
  node: YAMLMap | YAMLSeq;
  index: number;
}

/** Block sizes for comparing texts: equality of slices compares memory at once, far faster than `startsWith`. */
const BLOCKS = [65536, 2048, 64];

/** The changed region between two texts: `[start, oldEnd)` of the old text became `[start, newEnd)`. */
function changedRegion(before: string, after: string): { start: number; oldEnd: number; newEnd: number } {
  const max = Math.min(before.length, after.length);
  let start = 0;
  for (const block of BLOCKS) while (start + block <= max && before.slice(start, start + block) === after.slice(start, start + block)) start += block;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  for (const block of BLOCKS) {
    while (tail + block <= max - start && before.slice(before.length - tail - block, before.length - tail) === after.slice(after.length - tail - block, after.length - tail)) tail += block;
  }
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}

function isBlockCollection(n: unknown): n is YAMLMap | YAMLSeq {
  return (isMap(n) || isSeq(n)) && !n.flow && !n.tag && !n.anchor && !!n.range;
}

/** True when `[start, end)` lies inside a node's text (its final line break excluded) and after its first character. */
function inside(text: string, r: readonly number[] | null | undefined, start: number, end: number): boolean {
  if (!r) return false;
  const last = text.charCodeAt(r[1] - 1) === 10 ? r[1] - 1 : r[1];
  return r[0] < start && end <= last;
}

/** The block collections enclosing `[start, end)`, outermost first. */
function enclosing(ast: Document.Parsed, text: string, start: number, end: number): Slot[] {
  const out: Slot[] = [];
  let node: unknown = ast.contents;
  let index = -1;
  while (isBlockCollection(node) && inside(text, node.range, start, end)) {
    out.push({ node, index });
    const items: unknown[] = node.items;
    node = undefined;
    for (let i = 0; i < items.length && node === undefined; i++) {
      const value = isPair(items[i]) ? (items[i] as { value: unknown }).value : items[i];
      if (inside(text, (value as Node | null)?.range, start, end)) [node, index] = [value, i];
    }
  }
  return out;
}

/** Puts `node` at `index` of a collection's items (as the value of the pair there for a mapping). */
function place(parent: YAMLMap | YAMLSeq, index: number, node: Node): void {
  const item = parent.items[index];
  if (isPair(item)) parent.items[index] = new Pair(item.key, node) as never;
  else parent.items[index] = node as never;
}

/** Copies the collections `path[0..k)`, each placed in the copy of its parent, and returns the last copy. */
function copyPath(ast: Document.Parsed, path: Slot[], k: number): YAMLMap | YAMLSeq | undefined {
  let parent: YAMLMap | YAMLSeq | undefined;
  for (let i = 0; i < k; i++) {
    const copy = copyCollection(path[i].node);
    if (parent) place(parent, path[i].index, copy);
    else ast.contents = copy as unknown as ParsedNode;
    parent = copy;
  }
  return parent;
}

/** Moves every offset at or after `from` by `delta` in the ranges below `root`, except in `skip`'s subtree. */
function shiftAll(root: unknown, from: number, delta: number, skip?: unknown): void {
  const stack: unknown[] = [root];
  while (stack.length) {
    const n = stack.pop();
    if (!n || n === skip) continue;
    if (isPair(n)) {
      stack.push(n.key, n.value);
      continue;
    }
    if (!shiftRange(n as Node, from, delta)) continue;
    if (isMap(n) || isSeq(n)) for (const item of n.items) stack.push(item);
  }
}

/**
 * True when a subtree holds anchors, aliases or tags, which a partial re-parse cannot place, or a merge key,
 * which the document's `Anchors` may not know to follow.
 */
function hasReferences(root: unknown): boolean {
  const stack: unknown[] = [root];
  while (stack.length) {
    const n = stack.pop();
    if (!n) continue;
    if (isPair(n)) {
      stack.push(n.key, n.value);
      continue;
    }
    if (isAlias(n) || (n as Node).anchor || (n as Node).tag || isMergeKey(n)) return true;
    if (isMap(n) || isSeq(n)) for (const item of n.items) stack.push(item);
  }
  return false;
}

/** The indentation of the first non-blank line (skipping comment lines when asked) at or after `from`, or -1 at the end of the text. */
function nextIndent(text: string, from: number, skipComments: boolean): number {
  const re = skipComments ? /^([ ]*)[^\s#]/gm : /^([ ]*)\S/gm;
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? m[1].length : -1;
}

function lastScalar(node: Node): Node {
  let n: unknown = node;
  while (isMap(n) || isSeq(n)) {
    const last = n.items[n.items.length - 1];
    n = isPair(last) ? last.value ?? last.key : last;
  }
  return n as Node;
}

/** What an attempt replaces: a whole collection of the path, or one pair of the innermost mapping. */
interface Target {
  /** Index in the path of the collection replaced, or of the mapping whose pair is replaced. */
  k: number;
  /** The pair's index in that mapping, for a pair target. */
  pair?: number;
  /** Old `[start, end)` of the replaced text. */
  start: number;
  end: number;
}

/**
 * Re-parses only the pair or block collection around an edit of a large document and splices it into
 * the document's tree, shifting the positions after it. The previous document gives up its tree (it
 * must not be used again); undefined when the edit is not one this can place safely, and the caller
 * then parses the whole text.
 */
export function reparseInPlace(prev: YamlDocument, text: string, reportSyntax: boolean): YamlDocument | undefined {
  const old = prev.text;
  const ast = prev.ast;
  if (old.length < INCREMENTAL_MIN_SIZE || ast.errors.length || !prev.anchors.isEmpty() || prev.resources.length > 1 || !isMap(ast.contents)) return undefined;
  const change = changedRegion(old, text);
  const path = enclosing(ast, old, change.start, change.oldEnd);
  const targets: Target[] = [];
  const inner = path[path.length - 1]?.node;
  if (isMap(inner)) {
    const i = inner.items.findIndex((p) => {
      const r = pairRange(p);
      return !!r && r[0] < change.start && change.oldEnd <= r[1];
    });
    const r = i >= 0 ? pairRange(inner.items[i]) : undefined;
    if (r) targets.push({ k: path.length - 1, pair: i, start: r[0], end: r[1] });
  }
  for (let k = path.length - 1; k >= Math.max(1, path.length - 3); k--) targets.push({ k, start: path[k].node.range![0], end: path[k].node.range![1] });
  for (const target of targets) {
    if (target.end - target.start > old.length / 2) continue;
    const done = attempt(prev, text, path, target, reportSyntax);
    if (done) return done;
  }
  return undefined;
}

/** `[start, end)` of a pair: from its key to the end of its value (with the value's line break). */
function pairRange(p: unknown): [number, number] | undefined {
  if (!isPair(p)) return undefined;
  const key = (p.key as Node | null)?.range;
  const value = (p.value as Node | null)?.range;
  return key ? [key[0], Math.max(key[2], value?.[2] ?? 0)] : undefined;
}

function attempt(prev: YamlDocument, text: string, path: Slot[], target: Target, reportSyntax: boolean): YamlDocument | undefined {
  const old = prev.text;
  const { start, end } = target;
  const delta = text.length - old.length;
  const lineStart = old.lastIndexOf('\n', start - 1) + 1;
  const endsLine = old.charCodeAt(end - 1) === 10 || end === old.length;
  const eol = (t: string, i: number) => (t.indexOf('\n', i) === -1 ? t.length : t.indexOf('\n', i));
  if (!/^[ ]*(- +)*$/.test(old.slice(lineStart, start)) || (!endsLine && !/^[ \t]*(#.*)?$/.test(old.slice(end, eol(old, end))))) return undefined;
  const column = start - lineStart;
  const chunkEnd = endsLine ? end + delta : eol(text, end + delta);
  const fragment = ' '.repeat(column) + text.slice(start, chunkEnd);
  const { ast: parsed, plain, repeatsKeys } = parseText(fragment);
  const fresh = parsed.contents;
  if (parsed.errors.length || !isBlockCollection(fresh) || (!plain && hasReferences(fresh)) || fresh.range![0] !== column) return undefined;
  const replaced = target.pair === undefined ? path[target.k].node : (path[target.k].node as YAMLMap).items[target.pair];
  const replacement = target.pair === undefined ? fresh : samePairKey(fresh, replaced);
  if (!replacement || (target.pair === undefined && isMap(fresh) !== isMap(replaced))) return undefined;
  const freshEnd = target.pair === undefined ? fresh.range![1] : pairRange(replacement)![1];
  if (freshEnd + lineStart !== end + delta) return undefined;
  const nextLine = text.charCodeAt(chunkEnd - 1) === 10 ? chunkEnd : chunkEnd + 1;
  const following = nextIndent(text, nextLine, true);
  const tail = lastScalar(fresh);
  const block = isScalar(tail) && (tail.type === 'BLOCK_LITERAL' || tail.type === 'BLOCK_FOLDED');
  if (following > column || (block && nextLine < text.length && !new RegExp(`^ {0,${column}}\\S`).test(text.slice(nextLine, nextLine + column + 1)))) return undefined;
  if (following === column && target.pair === undefined && isMap(fresh)) return undefined;
  shiftAll(fresh, 0, lineStart);
  shiftAll(prev.ast.contents, end, delta, replaced);
  const moved = (x: number) => (x >= end ? x + delta : x);
  if (prev.ast.range) prev.ast.range = [moved(prev.ast.range[0]), moved(prev.ast.range[1]), moved(prev.ast.range[2])];
  if (target.pair === undefined) {
    fresh.commentBefore = (replaced as Node).commentBefore;
    fresh.spaceBefore = (replaced as Node).spaceBefore;
    const parent = copyPath(prev.ast, path, target.k);
    if (parent) place(parent, path[target.k].index, fresh);
  } else copyPath(prev.ast, path, target.k + 1)!.items[target.pair] = replacement as never;
  const problems: ParseProblem[] = prev.problems
    .filter((p) => p.span[1] <= start || p.span[0] >= end)
    .map((p) => ({ ...p, span: [moved(p.span[0]), moved(p.span[1])] as [number, number] }));
  if (reportSyntax && repeatsKeys) problems.push(...duplicateKeys(fresh).map((p) => ({ ...p, span: [p.span[0] + lineStart, p.span[1] + lineStart] as [number, number] })));
  problems.sort((a, b) => a.span[0] - b.span[0]);
  return { text, ast: prev.ast, anchors: prev.anchors, lines: new LineIndex(text), resources: findResources(prev.ast, prev.anchors), problems, memo: new Map() };
}

/** The single pair a one-pair chunk parsed to, when its key is the replaced pair's key. */
function samePairKey(fresh: YAMLMap | YAMLSeq, replaced: unknown): Pair | undefined {
  const pair = isMap(fresh) && fresh.items.length === 1 ? fresh.items[0] : undefined;
  if (!isPair(pair) || !isPair(replaced) || !isScalar(pair.key) || !isScalar(replaced.key)) return undefined;
  return pair.key.value === replaced.key.value && pair.key.source === replaced.key.source ? pair : undefined;
}
