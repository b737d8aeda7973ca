/** Readers of kubectl's output. Pure, so the unit tests can feed them recorded output. */

/** One revision of `kubectl rollout history`. */
export interface HistoryEntry {
  revision: number;
  /** The `kubernetes.io/change-cause` annotation, or null when kubectl printed `<none>`. */
  changeCause: string | null;
}

/**
 * Reads the table `kubectl rollout history` prints (a `REVISION  CHANGE-CAUSE` header, then one row per
 * revision), newest last as kubectl sorts it.
 */
export function parseHistory(text: string): HistoryEntry[] {
  const lines = text.split(/\r?\n/);
  const header = lines.findIndex((l) => /^REVISION\s+CHANGE-CAUSE\s*$/.test(l));
  if (header < 0) return [];
  const entries: HistoryEntry[] = [];
  for (const line of lines.slice(header + 1)) {
    const m = /^(\d+)\s+(.*?)\s*$/.exec(line);
    if (!m) continue;
    entries.push({ revision: Number(m[1]), changeCause: m[2] === '<none>' || m[2] === '' ? null : m[2] });
  }
  return entries.sort((a, b) => a.revision - b.revision);
}

/** The current context as `kubectl config view --minify -o json` describes it. */
export interface CurrentContext {
  context: string;
  cluster: string | null;
  /** The context's namespace, or null when it sets none (kubectl then uses `default`). */
  namespace: string | null;
}

/** Reads `kubectl config view --minify -o json`; null when it names no current context. */
export function parseCurrentContext(json: string): CurrentContext | null {
  const config = safeJson(json) as { 'current-context'?: unknown; contexts?: { name?: unknown; context?: { cluster?: unknown; namespace?: unknown } }[] } | undefined;
  const name = config?.['current-context'];
  if (typeof name !== 'string' || !name) return null;
  const entry = config?.contexts?.find((c) => c.name === name)?.context;
  return {
    context: name,
    cluster: typeof entry?.cluster === 'string' ? entry.cluster : null,
    namespace: typeof entry?.namespace === 'string' && entry.namespace ? entry.namespace : null,
  };
}

/** Reads the API server's `major.minor` (as `1.31`) from `kubectl version -o json`; undefined when absent. */
export function parseServerVersion(json: string): string | undefined {
  const v = (safeJson(json) as { serverVersion?: { major?: unknown; minor?: unknown; gitVersion?: unknown } } | undefined)?.serverVersion;
  const major = String(v?.major ?? '').replace(/\D+$/, '');
  const minor = String(v?.minor ?? '').replace(/\D+$/, '');
  if (/^\d+$/.test(major) && /^\d+$/.test(minor)) return `${major}.${minor}`;
  const m = /^v?(\d+)\.(\d+)\./.exec(String(v?.gitVersion ?? ''));
  return m ? `${m[1]}.${m[2]}` : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
