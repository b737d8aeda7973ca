/** Three-letter names that are real IANA zones or links; ICU also knows Java-style ones (CST, IST, JST…) that the API server does not. */
const IANA_SHORT = new Set(['EST', 'MST', 'HST', 'UTC', 'UCT', 'GMT', 'PRC', 'ROC', 'ROK', 'WET', 'CET', 'MET', 'EET']);

const SEGMENT = /^[A-Za-z.\-_0-9+]{1,14}$/;

let canonical: Map<string, string> | undefined;

function canonicalByLowerCase(): Map<string, string> {
  if (!canonical) {
    canonical = new Map();
    const list = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
    for (const z of [...list, 'UTC', 'Etc/UTC', 'Etc/GMT']) canonical.set(z.toLowerCase(), z);
  }
  return canonical;
}

function icuAccepts(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Why a CronJob `timeZone` would be rejected: `empty`, `local`, `case` (a known zone spelled in the
 * wrong case; the suggestion is returned), or `unknown`; undefined when the API server accepts it.
 * The API server loads zones from the IANA database, case-sensitively.
 */
export function timeZoneProblem(zone: string): { kind: 'empty' | 'local' | 'unknown' } | { kind: 'case'; suggestion: string } | undefined {
  if (zone === '') return { kind: 'empty' };
  if (zone.toLowerCase() === 'local') return { kind: 'local' };
  const segments = zone.split('/');
  if (segments.some((s) => s === '.' || s === '..' || s.startsWith('-') || !SEGMENT.test(s))) return { kind: 'unknown' };
  const known = canonicalByLowerCase().get(zone.toLowerCase());
  if (known) return known === zone ? undefined : { kind: 'case', suggestion: known };
  if (zone.startsWith('SystemV/') || (/^[A-Za-z]{3}$/.test(zone) && !IANA_SHORT.has(zone)) || (/^(GMT|UTC)[+-]/i.test(zone) && !/^GMT[+-]0$/.test(zone))) return { kind: 'unknown' };
  if (!icuAccepts(zone)) return { kind: 'unknown' };
  if (segments.some((s) => /^[a-z]/.test(s))) return { kind: 'unknown' };
  return undefined;
}
