import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { loadModule } from './codeCache';

type AjvLibrary = typeof import('ajv');
type CronParserLibrary = typeof import('cron-parser');

/**
 * Libraries only some files need, loaded on first use instead of with the server. The build writes each one as
 * its own bundle, `vendor/<name>.js` beside the server's (see `scripts/build.mjs`), which is loaded through the V8
 * code cache like the server's; without it (the compiled sources the tests run) the package is required.
 */
const VENDOR_DIR = path.join(__dirname, 'vendor');

let ajv: AjvLibrary | undefined;
let cronParser: CronParserLibrary | undefined;

/** ajv: validators compiled at run time (workspace CRDs, kinds without a generated validator) and `.kws.yaml`. */
export function ajvLibrary(): AjvLibrary {
  return (ajv ??= vendor('ajv', () => require('ajv') as AjvLibrary));
}

/** cron-parser: the next runs of a CronJob's schedule, shown on hover. */
export function cronParserLibrary(): CronParserLibrary {
  return (cronParser ??= vendor('cron-parser', () => require('cron-parser') as CronParserLibrary));
}

function vendor<T>(name: string, fromPackage: () => T): T {
  const bundled = path.join(VENDOR_DIR, `${name}.js`);
  return existsSync(bundled) ? (loadModule(bundled) as T) : fromPackage();
}
