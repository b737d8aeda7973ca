import type { ValidateFunction } from 'ajv';
import * as equal from 'ajv/dist/runtime/equal';
import * as ucs2length from 'ajv/dist/runtime/ucs2length';
import { version as AJV_VERSION } from 'ajv/package.json';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadModule } from '../codeCache';
import { KUBERNETES_FORMATS } from './formats';

/**
 * `validators/index.json` in a schema store's folder: the validators written out at build time by
 * `precompile.ts`, per minor and `apiVersion kind`, as the module (relative to the `validators` folder)
 * that exports it under that key.
 */
export interface PrecompiledIndex {
  /** The ajv version that generated them; another version's code is not used. */
  ajv: string;
  minors: Record<string, Record<string, string>>;
}

/** What the generated code may `require`: ajv's runtime helpers, which the bundle carries. */
export const PRECOMPILED_RUNTIME: Readonly<Record<string, unknown>> = {
  'ajv/dist/runtime/equal': equal,
  'ajv/dist/runtime/ucs2length': ucs2length,
};

/** A generated module: called with the formats, the pattern compiler and `require`, it returns its validators by `apiVersion kind`. */
type Factory = (formats: typeof KUBERNETES_FORMATS, goRegExp: (pattern: string, flags: string) => RegExp, require: (id: string) => unknown) => Record<string, ValidateFunction>;

const indexes = new Map<string, PrecompiledIndex | null>();
const loaded = new Map<string, Record<string, ValidateFunction>>();

/**
 * The validator generated at build time for a kind at a minor, from the store in `storeDir`, or undefined
 * when none was generated (another minor, a store without them, or another ajv version).
 */
export function precompiledValidator(storeDir: string, minor: number, apiVersion: string, kind: string, goRegExp: (pattern: string, flags: string) => RegExp): ValidateFunction | undefined {
  const dir = path.join(storeDir, 'validators');
  const index = indexFor(dir);
  const key = `${apiVersion} ${kind}`;
  const file = index?.minors[String(minor)]?.[key];
  if (!file) return undefined;
  const full = path.join(dir, file);
  let validators = loaded.get(full);
  if (!validators) {
    const factory = loadModule(full) as Factory;
    validators = factory(KUBERNETES_FORMATS, goRegExp, (id) => {
      if (!(id in PRECOMPILED_RUNTIME)) throw new Error(`precompiled validators ${file} require ${id}`);
      return PRECOMPILED_RUNTIME[id];
    });
    loaded.set(full, validators);
  }
  return validators[key];
}

function indexFor(dir: string): PrecompiledIndex | undefined {
  let index = indexes.get(dir);
  if (index === undefined) {
    const file = path.join(dir, 'index.json');
    const read = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as PrecompiledIndex) : null;
    index = read && read.ajv === AJV_VERSION ? read : null;
    indexes.set(dir, index);
  }
  return index ?? undefined;
}

export { AJV_VERSION };
