import { isMap, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import { findPair, getAt } from '../model/nodes';
import type { DocumentEditor, Edit } from './edits';
import type { YValue } from './style';
import type { FixBuilder, FixInput } from './types';

/** Where a fix writes: the resource's spec, its pod spec, its Job spec, the finding's container, or where its security context is (the container, else the pod). */
export type Place = 'spec' | 'pod' | 'job' | 'container' | 'securityContext';

/** The mapping a fix writes into for a place. */
export function target(input: FixInput, place: Place): unknown {
  const { resource, pod, container } = input.scope;
  if (!resource) return undefined;
  if (place === 'spec') return getAt(resource.node, ['spec']);
  if (place === 'job') return getAt(resource.node, resource.kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec'] : ['spec']);
  if (place === 'pod') return pod?.spec;
  if (place === 'container') return container?.node;
  return container?.node ?? pod?.spec;
}

/** A fix that merges a value into one of the places above. */
export function set(place: Place, value: (input: FixInput) => { [key: string]: YValue } | undefined): FixBuilder {
  return (input) => {
    const v = value(input);
    return v && input.editor.merge(target(input, place), v);
  };
}

/** True when a node's range holds the finding's offset. */
export function holdsFinding(input: FixInput, node: unknown): boolean {
  const r = (node as Node | null | undefined)?.range;
  return !!r && r[0] <= input.scope.offset && input.scope.offset <= r[1];
}

/** True when the finding sits on the value of this securityContext key (a problem other than a missing field). */
export function findingOn(input: FixInput, key: string): boolean {
  const sc = getAt(target(input, 'securityContext'), ['securityContext']);
  return holdsFinding(input, isMap(sc) ? findPair(sc, key)?.value : undefined);
}

/**
 * The pairs along a path of block mappings below `root` (outermost first), or undefined when a step is
 * missing or not a mapping.
 */
export function pairChain(root: unknown, path: readonly string[]): { map: YAMLMap; pair: Pair }[] | undefined {
  const out: { map: YAMLMap; pair: Pair }[] = [];
  let node = root;
  for (const key of path) {
    const pair = isMap(node) ? findPair(node, key) : undefined;
    if (!isMap(node) || !pair) return undefined;
    out.push({ map: node, pair });
    node = pair.value;
  }
  return out;
}

/** Removes the last pair of a chain, or the innermost ancestor pair that would be left empty by it. */
export function removeEmptying(input: FixInput, chain: readonly { map: YAMLMap; pair: Pair }[]): Edit[] | undefined {
  for (let i = chain.length - 1; i >= 0; i--) if (chain[i].map.items.length > 1) return input.editor.removePair(chain[i].map, chain[i].pair);
  return undefined;
}

type Value = { [key: string]: YValue };

/** Merges `value` under `key` (and `more` beside it), replacing the pair when its value is empty (`key:`, `key: {}`). */
export function mergeUnder(editor: DocumentEditor, map: YAMLMap, key: string, value: Value, more: Value = {}): Edit[] | undefined {
  const pair = findPair(map, key);
  const v = pair?.value as Node | null | undefined;
  const empty = pair && (v === null || (isScalar(v) && v.value === null) || (isMap(v) && v.flow && !v.items.length));
  if (!empty) return editor.merge(map, { [key]: value, ...more });
  const replaced = editor.replacePair(map, pair, { [key]: value });
  const rest = Object.keys(more).length ? editor.merge(map, more) : [];
  return replaced && rest && [...replaced, ...rest];
}
