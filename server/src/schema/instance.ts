import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { openSchemaStore, type SchemaStore } from './store';

let store: SchemaStore | undefined | null;

/**
 * The schema store shipped with the tool: `schemas/generated/` found by walking up from this module
 * (the bundle in `dist/`, or the compiled sources in `out/`). Opened on first use; undefined when the
 * schemas were not generated.
 */
export function defaultSchemaStore(): SchemaStore | undefined {
  if (store === undefined) {
    store = null;
    for (let dir = __dirname; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'schemas', 'generated');
      if (existsSync(path.join(candidate, 'index.json'))) {
        store = openSchemaStore(candidate);
        break;
      }
      if (path.dirname(dir) === dir) break;
    }
  }
  return store ?? undefined;
}
