/** Classification of kubectl failures, so each can be explained with the step that fixes it. */

/** What went wrong when kubectl ran. */
export type KubectlFailure =
  | 'kubectlMissing'
  | 'noContext'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'unreachable'
  | 'timeout'
  | 'failed';

/** How a kubectl process ended, as the runner reports it. */
export interface KubectlOutcome {
  exitCode: number | null;
  stderr: string;
  /** The spawn error code (`ENOENT`, `EACCES`) when kubectl could not be started. */
  spawnError?: string;
  timedOut?: boolean;
}

const PATTERNS: [KubectlFailure, RegExp][] = [
  ['noContext', /current-context is not set|current-context must exist|context was not found for specified context|no context exists with the name|invalid configuration: no configuration has been provided|cluster has no server defined/i],
  ['unauthorized', /\(Unauthorized\)|must be logged in to the server|provide credentials/i],
  ['forbidden', /\(Forbidden\)|\bis forbidden\b/i],
  ['timeout', /i\/o timeout|Client\.Timeout exceeded|context deadline exceeded|TLS handshake timeout|timed out waiting for the condition/i],
  ['unreachable', /connection refused|no such host|Unable to connect to the server|network is unreachable|no route to host/i],
  ['notFound', /\(NotFound\)|\bnot found\b/i],
];

/** Classifies a failed run; `failed` when nothing specific matched. */
export function classifyFailure(outcome: KubectlOutcome): KubectlFailure {
  if (outcome.spawnError === 'ENOENT' || outcome.spawnError === 'EACCES') return 'kubectlMissing';
  if (outcome.timedOut) return 'timeout';
  return PATTERNS.find(([, pattern]) => pattern.test(outcome.stderr))?.[0] ?? 'failed';
}

/** The first line of kubectl's error output worth showing (without klog prefixes), capped in length. */
export function firstErrorLine(stderr: string): string {
  const line = stderr.split(/\r?\n/).map((l) => l.replace(/^[EWI]\d{4} [\d:.]+\s+\d+ [\w.]+:\d+\]\s*/, '').trim()).find((l) => l && !/^Warning:/.test(l)) ?? '';
  return line.length > 300 ? `${line.slice(0, 297)}…` : line;
}
