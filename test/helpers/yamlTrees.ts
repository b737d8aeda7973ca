import { isAlias, isMap, isPair, isScalar, isSeq, type Document } from 'yaml';

function kind(n: unknown): string {
  if (isMap(n)) return 'map';
  if (isSeq(n)) return 'seq';
  if (isScalar(n)) return 'scalar';
  if (isPair(n)) return 'pair';
  if (isAlias(n)) return 'alias';
  return String(n);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a)) return Number.isNaN(b);
  return a === b && Object.getPrototypeOf(a ?? 0) === Object.getPrototypeOf(b ?? 0);
}

const FIELDS = ['type', 'source', 'format', 'flow', 'tag', 'anchor'] as const;

/** The first difference between two node trees (kinds, ranges, values, scalar types and sources), or undefined. */
export function treeDifference(a: unknown, b: unknown, path = '$'): string | undefined {
  const ka = kind(a);
  const kb = kind(b);
  if (ka !== kb) return `${path}: ${ka} vs ${kb}`;
  if (isPair(a) && isPair(b)) return treeDifference(a.key, b.key, `${path}.key`) ?? treeDifference(a.value, b.value, `${path}.value`);
  if (!a || typeof a !== 'object') return undefined;
  const na = a as Record<string, unknown>;
  const nb = b as Record<string, unknown>;
  if (JSON.stringify(na.range) !== JSON.stringify(nb.range)) return `${path}: range ${JSON.stringify(na.range)} vs ${JSON.stringify(nb.range)}`;
  for (const f of FIELDS) if ((na[f] ?? undefined) !== (nb[f] ?? undefined)) return `${path}: ${f} ${JSON.stringify(na[f])} vs ${JSON.stringify(nb[f])}`;
  if (isScalar(a) && isScalar(b)) return sameValue(a.value, b.value) ? undefined : `${path}: value ${String(a.value)} vs ${String(b.value)}`;
  const ia = (a as { items: unknown[] }).items;
  const ib = (b as { items: unknown[] }).items;
  if (ia.length !== ib.length) return `${path}: ${ia.length} vs ${ib.length} items`;
  for (let i = 0; i < ia.length; i++) {
    const d = treeDifference(ia[i], ib[i], `${path}[${i}]`);
    if (d) return d;
  }
  return undefined;
}

/** The first difference between two parsed documents (range, errors, `---` marker, contents), or undefined. */
export function documentDifference(a: Document.Parsed, b: Document.Parsed): string | undefined {
  if (a.errors.length || b.errors.length) return `errors: ${a.errors.length} vs ${b.errors.length} (${(a.errors[0] ?? b.errors[0]).message.split('\n')[0]})`;
  if (JSON.stringify(a.range) !== JSON.stringify(b.range)) return `document range ${JSON.stringify(a.range)} vs ${JSON.stringify(b.range)}`;
  if (!!a.directives.docStart !== !!b.directives.docStart) return 'document start marker';
  return treeDifference(a.contents, b.contents);
}
