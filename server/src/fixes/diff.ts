/** A unified diff of two texts (`--- a/name`, `+++ b/name`, hunks with three lines of context); empty when equal. */
export function unifiedDiff(name: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ops = lcsOps(a.slice(head, a.length - tail), b.slice(head, b.length - tail));
  const all: { op: ' ' | '-' | '+'; text: string }[] = [
    ...a.slice(0, head).map((text) => ({ op: ' ' as const, text })),
    ...ops,
    ...a.slice(a.length - tail).map((text) => ({ op: ' ' as const, text })),
  ];
  const changed = all.flatMap((l, i) => (l.op === ' ' ? [] : [i]));
  let out = `--- a/${name}\n+++ b/${name}\n`;
  for (let k = 0; k < changed.length; ) {
    let last = k;
    while (last + 1 < changed.length && changed[last + 1] - changed[last] <= 2 * context + 1) last++;
    const start = Math.max(0, changed[k] - context);
    const end = Math.min(all.length, changed[last] + context + 1);
    const hunk = all.slice(start, end);
    const aStart = all.slice(0, start).filter((l) => l.op !== '+').length;
    const bStart = all.slice(0, start).filter((l) => l.op !== '-').length;
    const aLen = hunk.filter((l) => l.op !== '+').length;
    const bLen = hunk.filter((l) => l.op !== '-').length;
    out += `@@ -${aStart + (aLen ? 1 : 0)},${aLen} +${bStart + (bLen ? 1 : 0)},${bLen} @@\n`;
    for (const l of hunk) out += `${l.op}${l.text}\n`;
    k = last + 1;
  }
  return out;
}

function lcsOps(a: string[], b: string[]): { op: ' ' | '-' | '+'; text: string }[] {
  const n = a.length;
  const m = b.length;
  const table: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  const out: { op: ' ' | '-' | '+'; text: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push({ op: ' ', text: a[i++] });
      j++;
    } else if (j < m && (i >= n || table[i][j + 1] >= table[i + 1][j])) out.push({ op: '+', text: b[j++] });
    else out.push({ op: '-', text: a[i++] });
  }
  return out;
}
