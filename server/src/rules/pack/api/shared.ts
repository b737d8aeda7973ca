import { isMap, isPair, type Node, type Pair } from 'yaml';
import { mapPairs, scalarText, type Anchors } from '../../../model/nodes';
import { isDns1123Subdomain } from '../../helpers';

/** A mapping's pairs with their scalar keys (merges followed), for rules that walk labels, ports or selectors. */
export function keyedPairs(node: Node | undefined, anchors: Anchors): { key: string; pair: Pair; value: Node | undefined }[] {
  const map = anchors.resolve(node);
  if (!isMap(map)) return [];
  return mapPairs(map, anchors)
    .filter((p) => isPair(p) && scalarText(p.key) !== undefined)
    .map((p) => ({ key: scalarText(p.key)!, pair: p, value: anchors.resolve(p.value) }));
}

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** Why a label or annotation key is not a qualified name (`[prefix/]name`), or undefined when it is one. */
export function qualifiedNameProblem(key: string): 'prefix' | 'name' | 'slashes' | undefined {
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

/** A resource quantity as an exact value `digits × 10^exp10 × 2^exp2`, so that `1100m` and `1.1` compare equal. */
interface ExactQuantity {
  digits: bigint;
  exp10: number;
  exp2: number;
}

const DECIMAL: Record<string, number> = { '': 0, n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const QUANTITY = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$/;

/** Parses a Kubernetes quantity exactly; undefined when it is not one. */
export function exactQuantity(text: string): ExactQuantity | undefined {
  const m = QUANTITY.exec(text.trim());
  if (!m || (!m[2] && !m[3])) return undefined;
  const frac = m[3] ?? '';
  const digits = BigInt((m[1] === '-' ? '-' : '') + (m[2] + frac || '0'));
  const suffix = m[5] ?? '';
  const exp10 = -frac.length + (m[4] !== undefined ? Number(m[4]) : DECIMAL[suffix] ?? 0);
  return { digits, exp10, exp2: BINARY[suffix] ?? 0 };
}

/** Compares two quantities exactly: negative when a < b, 0 when equal, positive when a > b. */
export function compareQuantities(a: ExactQuantity, b: ExactQuantity): number {
  const low = Math.min(a.exp10, b.exp10);
  if (Math.abs(a.exp10 - low) > 400 || Math.abs(b.exp10 - low) > 400) {
    const fa = Number(a.digits) * 10 ** a.exp10 * 2 ** a.exp2;
    const fb = Number(b.digits) * 10 ** b.exp10 * 2 ** b.exp2;
    return fa === fb ? 0 : fa < fb ? -1 : 1;
  }
  const x = a.digits * 10n ** BigInt(a.exp10 - low) * 2n ** BigInt(a.exp2);
  const y = b.digits * 10n ** BigInt(b.exp10 - low) * 2n ** BigInt(b.exp2);
  return x === y ? 0 : x < y ? -1 : 1;
}
