import { isMap, isScalar, isSeq } from 'yaml';
import { mapPairs, scalarText, type Anchors } from '../model/nodes';
import type { YValue } from './style';

/** A parsed node as a value a fix can write again (aliases and merges resolved, scalar types kept). */
export function toYValue(node: unknown, anchors: Anchors, depth = 0): YValue | undefined {
  const n = anchors.resolve(node);
  if (depth > 32 || !n) return undefined;
  if (isMap(n)) {
    const out: { [key: string]: YValue } = {};
    for (const p of mapPairs(n, anchors)) {
      const k = scalarText(p.key);
      const v = toYValue(p.value, anchors, depth + 1);
      if (k === undefined || v === undefined) return undefined;
      out[k] = v;
    }
    return out;
  }
  if (isSeq(n)) {
    const out: YValue[] = [];
    for (const item of n.items) {
      const v = toYValue(item, anchors, depth + 1);
      if (v === undefined) return undefined;
      out.push(v);
    }
    return out;
  }
  if (!isScalar(n)) return undefined;
  const v = n.value;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : scalarText(n);
}
