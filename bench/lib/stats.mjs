/** Summary statistics of a list of millisecond (or MiB) samples. */

/** `{ n, median, min, max }` of the samples, or undefined when there are none. */
export function summarize(samples) {
  const xs = samples.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!xs.length) return undefined;
  const mid = xs.length >> 1;
  const median = xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
  return { n: xs.length, median, min: xs[0], max: xs[xs.length - 1] };
}

/** ours / theirs of two summaries' medians, or undefined. */
export function ratio(ours, theirs) {
  return ours && theirs && theirs.median > 0 ? ours.median / theirs.median : undefined;
}

/** A number rounded for tables: `1,234` above 100, one decimal below. */
export function fmt(x, unit = '') {
  if (x === undefined || !Number.isFinite(x)) return '–';
  const s = Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1);
  return unit ? `${s} ${unit}` : s;
}

/** `median (min–max)` of a summary. */
export function fmtSummary(s, unit = '') {
  return s ? `${fmt(s.median, unit)} (${fmt(s.min)}–${fmt(s.max)})` : '–';
}

/** A ratio as `0.42×`. */
export function fmtRatio(r) {
  return r === undefined ? '–' : `${r.toFixed(2)}×`;
}
