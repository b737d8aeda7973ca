import * as vscode from 'vscode';
import { classifyFailure, type KubectlFailure } from './errors';
import { displayCommand, runKubectl, type RunResult } from './runner';
import { kubectlSettings } from './settings';

/** A finished kubectl run as the tests inspect it. */
export interface RecordedRun extends RunResult {
  failure?: KubectlFailure;
}

/** Options of one run through the console. */
export interface ConsoleRunOptions {
  stdin?: string;
  /** Stream the output into the output channel and show it (for `rollout status`). */
  stream?: boolean;
  /** Exit codes that are not failures (default `[0]`; `kubectl diff` exits 1 when it found differences). */
  okExitCodes?: number[];
  /** No timeout: the run lasts until it ends or is cancelled. */
  unbounded?: boolean;
  token?: vscode.CancellationToken;
}

const MAX_TRANSCRIPT = 200_000;

/**
 * Runs kubectl for the commands: logs each invocation and its output to the "Workload Studio: kubectl"
 * output channel, keeps a transcript and the runs for tests, and can cancel what is running.
 */
export class KubectlConsole implements vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel('Workload Studio: kubectl');
  readonly runs: RecordedRun[] = [];
  private text = '';
  private readonly running = new Set<AbortController>();

  /** Everything written to the output channel (the most recent 200 000 characters). */
  get transcript(): string {
    return this.text;
  }

  /** Runs kubectl with `args` (built by `./args`), using the executable from the settings. */
  async run(args: string[], options: ConsoleRunOptions = {}): Promise<RecordedRun> {
    const settings = kubectlSettings();
    const abort = new AbortController();
    const listener = options.token?.onCancellationRequested(() => abort.abort());
    this.running.add(abort);
    this.append(`$ ${displayCommand(settings.executable, args)}\n`);
    if (options.stream) this.channel.show(true);
    try {
      const result: RecordedRun = await runKubectl(settings.executable, args, {
        stdin: options.stdin,
        signal: abort.signal,
        timeoutMs: options.unbounded ? undefined : settings.timeoutMs,
        onOutput: options.stream ? (chunk) => this.append(chunk) : undefined,
      });
      if (!options.stream) this.append(result.stdout + result.stderr);
      if (result.cancelled) this.append(`${vscode.l10n.t('(cancelled)')}\n`);
      else if (!(options.okExitCodes ?? [0]).includes(result.exitCode ?? -1)) result.failure = classifyFailure(result);
      this.runs.push(result);
      return result;
    } finally {
      listener?.dispose();
      this.running.delete(abort);
    }
  }

  /** Cancels every run in progress; returns how many there were. */
  cancelAll(): number {
    const count = this.running.size;
    for (const abort of this.running) abort.abort();
    return count;
  }

  /** Number of runs in progress. */
  get active(): number {
    return this.running.size;
  }

  private append(chunk: string): void {
    if (!chunk) return;
    this.channel.append(chunk);
    this.text = (this.text + chunk).slice(-MAX_TRANSCRIPT);
  }

  dispose(): void {
    this.cancelAll();
    this.channel.dispose();
  }
}
