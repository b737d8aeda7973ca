/**
 * A minimal LSP client for benchmarks: it spawns one server over stdio, answers the requests an editor
 * answers (`workspace/configuration`, registrations), records published diagnostics and bounds every wait
 * with a deadline. Every session is registered so that `killAll` can end it whatever happens.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import rpc from 'vscode-jsonrpc/node';

const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = rpc;

const live = new Set();

/** Kills every server still running (used on exit, timeouts and signals). */
export function killAll() {
  for (const s of live) s.kill();
}

/** Resolves `promise`, or rejects after `ms` with an error naming `what`. */
export function withDeadline(promise, ms, what) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** One running language server. Create with {@link LspSession.start}. */
export class LspSession {
  constructor(spec, options) {
    this.spec = spec;
    this.timeoutMs = options.timeoutMs;
    this.startedAt = performance.now();
    this.child = spawn(process.execPath, [...(spec.execArgv ?? []), spec.script, ...spec.args], { cwd: options.cwd, env: { ...process.env, ...spec.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    live.add(this);
    this.stderr = '';
    this.child.stderr.on('data', (b) => (this.stderr = (this.stderr + b).slice(-4000)));
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
    this.exited.then(() => live.delete(this));
    this.publishes = [];
    this.waiters = [];
    this.configurationAnswered = 0;
    this.conn = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.conn.onRequest('workspace/configuration', (params) => {
      this.configurationAnswered++;
      return params.items.map((item) => spec.configuration(item.section) ?? null);
    });
    this.conn.onRequest(() => null);
    this.conn.onNotification('textDocument/publishDiagnostics', (params) => {
      this.publishes.push({ seq: this.publishes.length, params });
      this.waiters = this.waiters.filter((w) => !w(this.publishes[this.publishes.length - 1]));
    });
    this.conn.onNotification(() => undefined);
    this.conn.onError(() => undefined);
    this.conn.listen();
  }

  /** Spawns the server, runs `initialize`/`initialized` and the server's own readiness step. */
  static async start(spec, options) {
    const session = new LspSession(spec, options);
    try {
      session.initializeResult = await session.request('initialize', {
        processId: process.pid,
        clientInfo: { name: 'kws-bench' },
        locale: 'en',
        rootUri: null,
        workspaceFolders: null,
        capabilities: spec.capabilities,
        initializationOptions: spec.initializationOptions,
      });
      session.conn.sendNotification('initialized', {});
      await spec.ready?.(session);
      return session;
    } catch (e) {
      session.kill();
      throw new Error(`${spec.name} did not start: ${e.message}\n${session.stderr}`);
    }
  }

  /** Sends a request and waits for its answer within the session's deadline. */
  request(method, params, ms = this.timeoutMs) {
    return withDeadline(this.conn.sendRequest(method, params), ms, `${this.spec.name} ${method}`);
  }

  /** Sends a notification. */
  notify(method, params) {
    return this.conn.sendNotification(method, params);
  }

  /** Resolves with the first publish for `uri` numbered at or after `fromSeq` that `accept` takes. */
  nextPublish(uri, fromSeq, accept = () => true) {
    const match = (p) => p.seq >= fromSeq && p.params.uri === uri && accept(p.params);
    const seen = this.publishes.find(match);
    if (seen) return Promise.resolve(seen.params);
    const found = new Promise((resolve) => {
      this.waiters.push((p) => (match(p) ? (resolve(p.params), true) : false));
    });
    return withDeadline(found, this.timeoutMs, `${this.spec.name} publishDiagnostics for ${uri}`);
  }

  /** Opens documents (`{ uri, text }`) together and resolves with the complete diagnostics of each, by URI. */
  async openAll(documents) {
    const from = this.publishes.length;
    for (const d of documents) this.notify('textDocument/didOpen', { textDocument: { uri: d.uri, languageId: 'yaml', version: 1, text: d.text } });
    const lists = await Promise.all(documents.map((d) => this.diagnostics(d.uri, from)));
    return new Map(documents.map((d, i) => [d.uri, lists[i]]));
  }

  /** The complete diagnostics of an open document: the pull answer, or the next push after `fromSeq`. */
  async diagnostics(uri, fromSeq) {
    if (this.spec.diagnostics === 'pull') {
      const report = await this.request('textDocument/diagnostic', { textDocument: { uri } });
      return report.items;
    }
    return (await this.nextPublish(uri, fromSeq)).diagnostics;
  }

  /** Closes documents; with push diagnostics, waits for the server to clear them so they cannot be mistaken for later ones. */
  async closeAll(documents) {
    const from = this.publishes.length;
    for (const d of documents) this.notify('textDocument/didClose', { textDocument: { uri: d.uri } });
    if (this.spec.diagnostics === 'push') await Promise.all(documents.map((d) => this.nextPublish(d.uri, from, (p) => p.diagnostics.length === 0)));
  }

  /** Peak resident set size of the server process so far, in MiB (Linux `VmHWM`). */
  peakRssMiB() {
    return readStatusKiB(this.child.pid, 'VmHWM') / 1024;
  }

  /** Current resident set size of the server process, in MiB. */
  rssMiB() {
    return readStatusKiB(this.child.pid, 'VmRSS') / 1024;
  }

  /** Asks the server to shut down and exit; kills it if it does not within two seconds. */
  async shutdown() {
    try {
      await this.request('shutdown', null, 2000);
      this.notify('exit');
      await withDeadline(this.exited, 2000, `${this.spec.name} exit`);
    } catch {
      this.kill();
    } finally {
      this.conn.dispose();
    }
  }

  /** Kills the process now. */
  kill() {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    live.delete(this);
  }
}

function readStatusKiB(pid, field) {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : NaN;
  } catch {
    return NaN;
  }
}
