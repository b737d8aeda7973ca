import { spawn } from 'node:child_process';
import type { KubectlOutcome } from './errors';

/** How to run one kubectl process. */
export interface RunOptions {
  /** Text written to kubectl's standard input (manifests for `-f -`); stdin is closed either way. */
  stdin?: string;
  /** Kills kubectl after this many milliseconds (none when unset). */
  timeoutMs?: number;
  /** Kills kubectl when this fires. */
  signal?: AbortSignal;
  /** Receives output as it arrives, for streaming views. */
  onOutput?: (text: string, stream: 'stdout' | 'stderr') => void;
  /** Extra environment variables. */
  env?: Record<string, string>;
}

/** How a run ended, with everything kubectl wrote. */
export interface RunResult extends KubectlOutcome {
  executable: string;
  args: string[];
  stdout: string;
  cancelled: boolean;
}

/**
 * Runs `executable` with `args` as a plain argument vector: `spawn` without a shell, so no argument is
 * ever interpreted by one. Resolves when the process ends, was killed, or could not start.
 */
export function runKubectl(executable: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const result: RunResult = { executable, args: [...args], exitCode: null, stdout: '', stderr: '', cancelled: false };
    const child = spawn(executable, args, { shell: false, windowsHide: true, env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const kill = () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    };
    const timer = options.timeoutMs ? setTimeout(() => {
      result.timedOut = true;
      kill();
    }, options.timeoutMs) : undefined;
    const onAbort = () => {
      result.cancelled = true;
      kill();
    };
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener('abort', onAbort);
    for (const stream of ['stdout', 'stderr'] as const) {
      child[stream].setEncoding('utf8');
      child[stream].on('data', (text: string) => {
        result[stream] += text;
        options.onOutput?.(text, stream);
      });
    }
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.stdin ?? '');
    const finish = () => {
      if (timer) clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      result.spawnError = error.code ?? error.message;
      finish();
    });
    child.on('close', (code) => {
      result.exitCode = code;
      finish();
    });
  });
}

/** The invocation as a person would type it, each argument quoted when needed (for logs only, never executed). */
export function displayCommand(executable: string, args: readonly string[]): string {
  return [executable, ...args].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}
