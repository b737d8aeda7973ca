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
  /** The module's file. */
  module: string;
  /** The cache file. */
  file: string;
  outcome: CodeCacheOutcome;
  /** The size of the cache V8 took, 0 when it took none. */
  used: number;
}

/** A cache already taken is written again only when the process compiled this much more than it held. */
const GROWTH_TO_REWRITE = 1.05;

/** What the process has compiled; one object per process, shared by the entry bundle and the server bundle. */
interface CodeCacheState {
  compiled: Compiled[];
  exitHook: boolean;
}

const STATE = Symbol.for('workloadStudio.codeCache');
const KEY_LENGTH = 32;

function state(): CodeCacheState {
  const global = globalThis as { [STATE]?: CodeCacheState };
  return (global[STATE] ??= { compiled: [], exitHook: false });
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
  remember({ script, module: file, file: cacheFile, outcome, used: outcome === 'hit' ? cachedData!.length : 0 });
  const module = { exports: {} as unknown };
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  return module.exports;
}

/** How each module loaded through `loadModule` in this process was compiled, by file. */
export function codeCacheOutcomes(): ReadonlyMap<string, CodeCacheOutcome> {
  return new Map(state().compiled.map((c) => [c.module, c.outcome]));
}

/** Writes the code caches that are missing or notably smaller than what the process compiled; errors (a read-only folder, a full disk) are ignored. */
export function saveCodeCaches(): void {
  for (const entry of state().compiled) {
    try {
      const data = entry.script.createCachedData();
      if (entry.used && data.length < entry.used * GROWTH_TO_REWRITE) continue;
      mkdirSync(path.dirname(entry.file), { recursive: true });
      const temp = `${entry.file}.${process.pid}.tmp`;
      try {
        writeFileSync(temp, data);
        renameSync(temp, entry.file);
      } catch (e) {
        rmSync(temp, { force: true });
        throw e;
      }
      entry.used = data.length;
      removeOthers(entry);
    } catch {
      // A cache that cannot be written only means the next start compiles again.
    }
  }
}

/** Removes the module's other caches (`<module file name>.<key>.v8`), those of its earlier texts or flags. */
function removeOthers({ module, file }: Compiled): void {
  const dir = path.dirname(file);
  const prefix = `${path.basename(module)}.`;
  for (const other of readdirSync(dir)) {
    const key = other.startsWith(prefix) && other.endsWith('.v8') ? other.slice(prefix.length, -'.v8'.length) : '';
    if (other !== path.basename(file) && key.length === KEY_LENGTH && /^[0-9a-f]+$/.test(key)) rmSync(path.join(dir, other), { force: true });
  }
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
