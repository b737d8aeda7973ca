import { editDistance } from './suggest';

/**
 * The one choice a mistyped value most likely meant, for a fix to apply without asking: the only
 * choice equal ignoring case, else the only choice at the smallest edit distance within the limit of
 * {@link closestName} (1 up to four characters, 2 up to ten, 3 beyond); undefined when none is that
 * close or two are equally close.
 */
export function uniqueClosest(value: string, choices: readonly unknown[]): string | undefined {
  const names = [...new Set(choices.filter((c): c is string => typeof c === 'string' && c !== value))];
  const lower = value.toLowerCase();
  const folded = names.filter((c) => c.toLowerCase() === lower);
  if (folded.length) return folded.length === 1 ? folded[0] : undefined;
  const limit = value.length <= 4 ? 1 : value.length <= 10 ? 2 : 3;
  let best: string[] = [];
  let bestDistance = limit + 1;
  for (const c of names) {
    const d = editDistance(lower, c.toLowerCase(), limit);
    if (d < bestDistance) [best, bestDistance] = [[c], d];
    else if (d === bestDistance) best.push(c);
  }
  return bestDistance <= limit && best.length === 1 ? best[0] : undefined;
}
