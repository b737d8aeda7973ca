import { isMap, isPair, type Node, type Pair } from 'yaml';
import { mapPairs, scalarText, type Anchors } from '../../../model/nodes';
import { isDns1123Subdomain, keptPerKey } from '../../helpers';

/** A mapping's pairs with their scalar keys (merges followed), for rules that walk labels, ports or selectors. */
export function keyedPairs(node: Node | undefined, anchors: Anchors): { key: string; pair: Pair; value: Node | undefined }[] {
  const map = anchors.resolve(node);
  const out: { key: string; pair: Pair; value: Node | undefined }[] = [];
  if (!isMap(map)) return out;
  for (const pair of mapPairs(map, anchors)) {
    const key = isPair(pair) ? scalarText(pair.key) : undefined;
    if (key !== undefined) out.push({ key, pair, value: anchors.resolve(pair.value as Node) });
  }
  return out;
}

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

type NameProblem = 'prefix' | 'name' | 'slashes' | undefined;

/** Why a label or annotation key is not a qualified name (`[prefix/]name`), or undefined when it is one; kept per key, since manifests repeat a few keys. */
export const qualifiedNameProblem: (key: string) => NameProblem = keptPerKey(nameProblem);

function nameProblem(key: string): NameProblem {
  const parts = key.split('/');
  if (parts.length > 2) return 'slashes';
  const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]];
  if (prefix !== undefined && (!prefix || !isDns1123Subdomain(prefix))) return 'prefix';
  if (!name || name.length > 63 || !QUALIFIED_NAME.test(name)) return 'name';
  return undefined;
}

/** True for a valid label value: empty, or at most 63 alphanumerics, `-`, `_`, `.` that start and end alphanumeric. */
export function isLabelValue(v: string): boolean {
  return v === '' || (v.length <= 63 && QUALIFIED_NAME.test(v));
}

/** True for an IANA service name, the syntax of container port names. */
export function isPortName(s: string): boolean {
  return s.length >= 1 && s.length <= 15 && /^[-a-z0-9]+$/.test(s) && /[a-z]/.test(s) && !s.startsWith('-') && !s.endsWith('-') && !s.includes('--');
}

/** True for an RFC 1035 label (Service names): like a DNS-1123 label but starting with a letter. */
export function isDns1035Label(s: string): boolean {
  return s.length <= 63 && /^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(s);
}
