import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import * as path from 'node:path';
import { Script } from 'node:vm';

/**
 * The environment variable naming the folder where V8 code caches of the server's own modules are kept
 * (the extension points it into its global storage). Unset, modules are loaded by `require` as usual.
 */
export const CODE_CACHE_ENV = 'WORKLOAD_STUDIO_CODE_CACHE';

/** How a module was compiled: from a cache that V8 took, without one, or with one V8 refused. */
export type CodeCacheOutcome = 'hit' | 'miss' | 'rejected';

interface Compiled {
  script: Script;
  /** The cache file. */
  file: string;
  /** The size of the cache V8 took, 0 when it took none. */
  used: number;
}

/** A cache already taken is written again only when the process compiled this much more than it held. */
const GROWTH_TO_REWRITE = 1.05;

/** What the process has compiled; one object per process, shared by the entry bundle and the server bundle. */
interface CodeCacheState {
  compiled: Compiled[];
  outcomes: Map<string, CodeCacheOutcome>;
  exitHook: boolean;
}

const STATE = Symbol.for('workloadStudio.codeCache');
const KEY_LENGTH = 32;

function state(): CodeCacheState {
  const global = globalThis as { [STATE]?: CodeCacheState };
  return (global[STATE] ??= { compiled: [], outcomes: new Map(), exitHook: false });
}

/**
 * Loads the CommonJS module `file` the way `require` would, compiling it with the V8 code cache kept in
 * `cacheDir` for its exact text, Node version, architecture and Node flags (V8 refuses a cache made under
 * other flags). The cache is written when the process exits (or on `saveCodeCaches`), so it holds the
 * bytecode of the functions the process ran; one V8 took is written again only if the process compiled
 * notably more. Each module keeps one cache: writing it removes the module's others (an earlier version's).
 * Without `cacheDir` this is `require`.
 */
export function loadModule(file: string, cacheDir: string | undefined = process.env[CODE_CACHE_ENV]): unknown {
  if (!cacheDir) return createRequire(__filename)(file);
  const source = readFileSync(file, 'utf8');
  const cacheFile = path.join(cacheDir, `${path.basename(file)}.${cacheKey(source)}.v8`);
  const cachedData = readOptional(cacheFile);
  const script = new Script(wrap(source), { filename: file, cachedData });
  const outcome: CodeCacheOutcome = !cachedData ? 'miss' : script.cachedDataRejected ? 'rejected' : 'hit';
  state().outcomes.set(file, outcome);
  remember({ script, file: cacheFile, used: outcome === 'hit' ? cachedData!.length : 0 });
  const module = { exports: {} as unknown, id: file, filename: file, loaded: false };
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  module.loaded = true;
  return module.exports;
}

/** How each module loaded through `loadModule` in this process was compiled, by file. */
export function codeCacheOutcomes(): ReadonlyMap<string, CodeCacheOutcome> {
  return state().outcomes;
}

/** Writes the code caches that are missing or notably smaller than what the process compiled; errors (a read-only folder, a full disk) are ignored. */
export function saveCodeCaches(): void {
  for (const entry of state().compiled) {
    try {
      const data = entry.script.createCachedData();
      if (entry.used && data.length < entry.used * GROWTH_TO_REWRITE) continue;
      mkdirSync(path.dirname(entry.file), { recursive: true });
      const temp = `${entry.file}.${process.pid}.tmp`;
      writeFileSync(temp, data);
      renameSync(temp, entry.file);
      entry.used = data.length;
      removeOthers(entry.file);
    } catch {
      // A cache that cannot be written only means the next start compiles again.
    }
  }
}

function removeOthers(cacheFile: string): void {
  const dir = path.dirname(cacheFile);
  const name = path.basename(cacheFile);
  const module = name.slice(0, -(KEY_LENGTH + 4));
  for (const other of readdirSync(dir)) {
    if (other !== name && other.startsWith(module) && isCacheName(other.slice(module.length))) rmSync(path.join(dir, other), { force: true });
  }
}

function isCacheName(rest: string): boolean {
  return rest.length === KEY_LENGTH + 4 && /^\.[0-9a-f]+\.v8$/.test(rest);
}

function remember(entry: Compiled): void {
  const s = state();
  s.compiled.push(entry);
  if (s.exitHook) return;
  s.exitHook = true;
  process.on('exit', saveCodeCaches);
}

function cacheKey(source: string): string {
  return createHash('sha256').update(`${process.version} ${process.arch} ${process.execArgv.join(' ')}\n`).update(source).digest('hex').slice(0, KEY_LENGTH);
}

function readOptional(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
