import { keptPerKey } from './helpers';

/** A resource quantity as an exact value `digits × 10^exp10 × 2^exp2`, so that `1100m` and `1.1` compare equal. */
export interface ExactQuantity {
  digits: bigint;
  exp10: number;
  exp2: number;
}

const DECIMAL: Record<string, number> = { '': 0, n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const QUANTITY = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$/;

/** Parses a Kubernetes quantity exactly; undefined when it is not one. Manifests repeat a few quantities, so each text is parsed once (the result is shared: never change it). */
export const exactQuantity: (text: string) => Readonly<ExactQuantity> | undefined = keptPerKey((text) => {
  const q = parseExact(text);
  return q && Object.freeze(q);
});

function parseExact(text: string): ExactQuantity | undefined {
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
  if (a.exp10 === b.exp10 && a.exp2 === b.exp2) return a.digits === b.digits ? 0 : a.digits < b.digits ? -1 : 1;
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

/** The value of a resource quantity as a number (`500m` → 0.5, `2Gi` → 2147483648), or undefined when it is not one. */
export function parseQuantity(text: string | number | undefined): number | undefined {
  if (typeof text === 'number') return text;
  const q = text === undefined ? undefined : exactQuantity(text);
  return q ? Number(q.digits) * 10 ** q.exp10 * 2 ** q.exp2 : undefined;
}

/** The exact sum of two quantities (binary suffixes multiplied out). */
export function addQuantities(a: ExactQuantity, b: ExactQuantity): ExactQuantity {
  const low = Math.min(a.exp10, b.exp10);
  const term = (q: ExactQuantity) => q.digits * 2n ** BigInt(q.exp2) * 10n ** BigInt(q.exp10 - low);
  return { digits: term(a) + term(b), exp10: low, exp2: 0 };
}

/** The exact product of two quantities (a quantity times a replica count or a ratio). */
export function multiplyQuantities(a: ExactQuantity, b: ExactQuantity): ExactQuantity {
  return { digits: a.digits * b.digits, exp10: a.exp10 + b.exp10, exp2: a.exp2 + b.exp2 };
}

/** A quantity written in the unit of another quantity's text, to at most three decimals: 11Gi in the unit of `8Gi` is `11Gi`, 1500m in that of `2` is `1.5`. */
export function formatQuantityLike(q: ExactQuantity, like: string): string {
  const suffix = /(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)$/.exec(like.trim())?.[1] ?? '';
  const unit = parseQuantity(`1${suffix}`) ?? 1;
  const value = Number(q.digits) * 10 ** q.exp10 * 2 ** q.exp2;
  return `${Math.round((value / unit) * 1000) / 1000}${suffix}`;
}
