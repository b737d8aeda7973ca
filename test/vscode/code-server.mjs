// Starts code-server (a real VS Code) on loopback and opens its workbench in Debian's Chromium.
// Shared by test/vscode/run-code-server.mjs and scripts/vscode/screenshot.mjs.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const codeServerEntry = join(
  repoRoot, '.vscode-test/code-server/node_modules/code-server/out/node/entry.js');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Resolves true when `promise` settles within `ms` milliseconds, else false; leaves no timer behind. */
export function settlesWithin(promise, ms) {
  let timer;
  const expired = new Promise((done) => { timer = setTimeout(() => done(false), ms); });
  return Promise.race([promise.then(() => true, () => true), expired]).finally(() => clearTimeout(timer));
}

/**
 * Calls `probe` every `intervalMs` until it returns a value other than undefined/false and
 * returns that value. Throws "timed out waiting for `what`" once `deadline` (epoch ms) passes,
 * or the abort reason when `signal` aborts; `probe` may throw to stop early.
 */
export async function pollUntil(probe, { deadline, what, intervalMs = 250, signal }) {
  for (;;) {
    signal?.throwIfAborted();
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() >= deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(Math.min(intervalMs, Math.max(0, deadline - Date.now())), undefined, { signal });
  }
}

/** Returns a TCP port on 127.0.0.1 that was free a moment ago. */
export function freeLoopbackPort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** User settings that keep the workbench quiet: no telemetry, welcome page, updates or tips. */
export function quietUserSettings({ trustPrompt = false } = {}) {
  return {
    ...(trustPrompt ? {} : { 'security.workspace.trust.enabled': false }),
    'telemetry.telemetryLevel': 'off',
    'workbench.startupEditor': 'none',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.settings.enableNaturalLanguageSearch': false,
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'git.autoRepositoryDetection': false,
    'npm.autoDetect': 'off',
    'chat.disableAIFeatures': true,
    'window.restoreWindows': 'none',
  };
}

/**
 * Starts code-server on a free loopback port with fresh temp user-data, extensions and
 * config dirs, and waits until it answers HTTP (until `deadline`, or `signal` aborts).
 * The extension gallery is switched off. `env` is added to the server's environment,
 * which its extension host inherits.
 * Returns a handle; always call its `stop()`.
 */
export async function startCodeServer({ trustPrompt = false, env = {}, deadline, signal, log = () => {} }) {
  if (!existsSync(codeServerEntry)) {
    throw new Error('code-server is not installed; run scripts/vscode/setup-code-server.sh');
  }
  const root = await mkdtemp(join(tmpdir(), 'ws-code-server-'));
  const dataDir = join(root, 'data');
  const extensionsDir = join(root, 'extensions');
  await mkdir(join(dataDir, 'User'), { recursive: true });
  await mkdir(extensionsDir, { recursive: true });
  await writeFile(join(dataDir, 'User/settings.json'),
    JSON.stringify(quietUserSettings({ trustPrompt }), null, 2));

  const port = await freeLoopbackPort();
  const logPath = join(root, 'code-server.log');
  const args = [
    codeServerEntry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', dataDir, '--extensions-dir', extensionsDir,
    '--config', join(root, 'config.yaml'),
    '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(trustPrompt ? [] : ['--disable-workspace-trust']),
  ];
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      XDG_CONFIG_HOME: join(root, 'xdg-config'),
      XDG_DATA_HOME: join(root, 'xdg-data'),
      EXTENSIONS_GALLERY: '{}',
      ...env,
    },
  });
  const logStream = createWriteStream(logPath);
  child.stdout.pipe(logStream);
  child.stderr.pipe(logStream);
  let exitStatus = null;
  const exited = new Promise((done) => child.once('exit', (code, killSignal) => {
    exitStatus = code ?? killSignal;
    done();
  }));

  let stopping;
  const stop = () => (stopping ??= (async () => {
    if (exitStatus === null) {
      signalGroup(child.pid, 'SIGTERM');
      await settlesWithin(exited, 5000);
    }
    signalGroup(child.pid, 'SIGKILL');
    await settlesWithin(exited, 2000);
    logStream.end();
    await rm(root, { recursive: true, force: true, maxRetries: 3 });
  })());

  const server = {
    origin: `http://127.0.0.1:${port}`, port, root, dataDir, extensionsDir, logPath, stop,
    readLog: () => readLogTail(logPath),
    extensionHostExited: async () => /Extension Host Process exited/.test(await readLogTail(logPath, Infinity)),
    readExtensionHostLog: () => readExtensionHostLog(dataDir),
  };
  try {
    log(`code-server starting on ${server.origin} (pid ${child.pid})`);
    await pollUntil(async () => {
      if (exitStatus !== null) throw new Error(`code-server exited early (${exitStatus})`);
      try {
        const res = await fetch(`${server.origin}/healthz`, { signal: AbortSignal.timeout(2000) });
        return res.ok;
      } catch {
        return false;
      }
    }, { deadline, signal, what: 'code-server to answer', intervalMs: 200 });
  } catch (error) {
    error.message += `\n--- code-server log ---\n${await readLogTail(logPath)}`;
    await stop();
    throw error;
  }
  return server;
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // the process group is already gone
  }
}

async function readLogTail(path, lines = 40) {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text.split('\n').slice(-lines).join('\n');
}

async function readExtensionHostLog(dataDir) {
  const logsDir = join(dataDir, 'logs');
  const texts = [];
  for (const session of (await readdir(logsDir).catch(() => [])).sort()) {
    const hosts = (await readdir(join(logsDir, session)).catch(() => [])).filter((n) => n.startsWith('exthost'));
    for (const host of hosts) texts.push(await readLogTail(join(logsDir, session, host, 'remoteexthost.log')));
  }
  return texts.join('\n');
}

/**
 * Builds the workbench URL that opens `folder` and, when given, runs an extension under
 * development (`extensionPath`) with its test entry (`testsPath`) in the extension host.
 */
export function workbenchUrl(server, { folder, extensionPath, testsPath }) {
  const remote = (path) =>
    `vscode-remote://127.0.0.1:${server.port}${path.split('/').map(encodeURIComponent).join('/')}`;
  const url = new URL(server.origin);
  if (folder) url.searchParams.set('folder', folder);
  const payload = [];
  if (extensionPath) payload.push(['extensionDevelopmentPath', remote(extensionPath)]);
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  if (payload.length) url.searchParams.set('payload', JSON.stringify(payload));
  return url.href;
}

/**
 * Launches headless Chromium and opens `url`; waits for `.monaco-workbench` until `deadline`.
 * Closes the browser and throws when `signal` aborts. Returns `{ browser, page, consoleErrors }`
 * (error messages the page logs from now on); the caller must close the browser.
 */
export async function openWorkbench(url, { deadline, signal, viewport = { width: 1400, height: 900 } }) {
  const remaining = () => Math.max(1000, deadline - Date.now());
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
    headless: true,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    timeout: remaining(),
  });
  const closeOnAbort = () => browser.close().catch(() => {});
  signal?.addEventListener('abort', closeOnAbort);
  try {
    signal?.throwIfAborted();
    const page = await browser.newPage({ viewport });
    const consoleErrors = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.stack ?? error.message));
    await page.goto(url, { timeout: remaining() });
    await page.waitForSelector('.monaco-workbench', { timeout: remaining() });
    signal?.throwIfAborted();
    return { browser, page, consoleErrors };
  } catch (error) {
    await browser.close().catch(() => {});
    throw signal?.aborted ? signal.reason : error;
  } finally {
    signal?.removeEventListener('abort', closeOnAbort);
  }
}
