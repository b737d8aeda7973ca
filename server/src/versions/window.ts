/** The Kubernetes minor versions a manifest must be valid on (`1.26` → 26), as settings carry them. */
export interface VersionWindow {
  min: number;
  max: number;
}

/** `1.26–1.32`, or `1.28` for a window of one version. */
export function formatWindow(w: VersionWindow): string {
  return w.min === w.max ? `1.${w.min}` : `1.${w.min}–1.${w.max}`;
}

/** Minors (ascending) as version ranges: `[28, 29, 30, 32]` → `1.28–1.30, 1.32`. */
export function formatMinors(minors: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < minors.length; i++) {
    let j = i;
    while (j + 1 < minors.length && minors[j + 1] === minors[j] + 1) j++;
    parts.push(i === j ? `1.${minors[i]}` : `1.${minors[i]}–1.${minors[j]}`);
    i = j;
  }
  return parts.join(', ');
}
