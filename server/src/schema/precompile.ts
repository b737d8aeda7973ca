import standaloneCode from 'ajv/dist/standalone';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS } from '../service/settings';
import { AJV_VERSION, PRECOMPILED_RUNTIME, type PrecompiledIndex } from './precompiled';
import { openSchemaStore, type SchemaStore } from './store';
import { newAjv } from './validators';

/** What writing the validators of a store produced. */
export interface PrecompileResult {
  minor: number;
  kinds: number;
  bytes: number;
}

/**
 * Rewrites a generated module's text before it is written (the build minifies it); it must keep the factory
 * in parentheses, which is what makes V8 compile it at load (see `precompileValidators`).
 */
export type FinishModule = (text: string) => string;

/** Where a validator's code shows it checks a pod template: such kinds share most of their code. */
const POD_SPEC = '#/definitions/io.k8s.api.core.v1.PodSpec';

/**
 * Writes the validators of the kinds at a minor to `<store>/validators/` with ajv's standalone code
 * generation, and the index `precompiled.ts` reads. They are the code ajv generates at run time from
 * the same options, so the server skips generating it for the first files of a session. The kinds with
 * a pod template share one module, as PodSpec's validator is most of their code; every other kind gets
 * its own, so a file loads only what its kinds need. List kinds are left to run-time compilation: rare
 * in manifests, they would double the size. Each module's factory is a parenthesised function expression,
 * which V8 compiles with the script instead of pre-parsing it there and parsing it again on the call that
 * follows; `finish` (the build's minifier) rewrites each module's text. Build time only: the server never
 * imports this module.
 */
export function precompileValidators(store: SchemaStore, minor: number, finish: FinishModule = (text) => text): PrecompileResult {
  const dir = path.join(store.dir, 'validators');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, String(minor)), { recursive: true });
  const ajv = newAjv(true, true);
  ajv.addSchema(store.bundleFor(minor, { descriptions: false }) as object);
  const files: Record<string, string> = {};
  const pods: string[] = [];
  let bytes = 0;
  const codeOf = (keys: string[]) => standaloneCode(ajv, Object.fromEntries(keys.map((k) => [k, idOf(k)])));
  const write = (name: string, keys: string[], code: string) => {
    const file = `${minor}/${name.replace(/[^A-Za-z0-9.-]/g, '_')}.js`;
    for (const [, id] of code.matchAll(/require\("([^"]+)"\)/g)) {
      if (!(id in PRECOMPILED_RUNTIME)) throw new Error(`the validator of ${keys.join(', ')} requires ${id}, which precompiled.ts does not provide`);
    }
    const text = finish(`"use strict";\nmodule.exports = (function (formats, goRegExp, require) {\nconst module = { exports: {} };\nconst exports = module.exports;\n${code}\nreturn module.exports;\n});\n`);
    writeFileSync(path.join(dir, file), text);
    for (const k of keys) files[k] = file;
    bytes += text.length;
  };
  for (const { apiVersion, kind } of store.kinds(minor)) {
    const ref = store.bundleRef(minor, apiVersion, kind);
    if (!ref || kind.endsWith('List')) continue;
    const key = `${apiVersion} ${kind}`;
    ajv.addSchema({ $ref: ref }, idOf(key));
    const code = codeOf([key]);
    if (code.includes(POD_SPEC)) pods.push(key);
    else write(`${apiVersion}-${kind}`, [key], code);
  }
  if (pods.length) write('pod-templates', pods, codeOf(pods));
  const index: PrecompiledIndex = { ajv: AJV_VERSION, minors: { [minor]: files } };
  writeFileSync(path.join(dir, 'index.json'), JSON.stringify(index));
  return { minor, kinds: Object.keys(files).length, bytes };
}

function idOf(key: string): string {
  return `validator-${encodeURIComponent(key)}`;
}

/** Writes the validators of the default window's newest minor into the store at `storeDir`. */
export function precompileDefault(storeDir: string, finish?: FinishModule): PrecompileResult {
  return precompileValidators(openSchemaStore(storeDir), DEFAULT_SETTINGS.kubernetes.max, finish);
}
