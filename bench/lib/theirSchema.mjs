/**
 * The JSON Schema yaml-language-server validates with: generated from our own schema store for one
 * Kubernetes minor, so both servers check the same API. Every kind's root definition is selected by an
 * `if` on `apiVersion` + `kind` (documents of other kinds pass), and the `quantity` format, which
 * yaml-language-server does not know, becomes the same pattern our validator applies.
 */
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

/** Bundles `server/src/schema/store.ts` into the cache folder and opens the generated store. */
async function openStore(repo, cacheDir) {
  const outfile = path.join(cacheDir, 'store.cjs');
  await esbuild.build({
    entryPoints: [path.join(repo, 'server/src/schema/store.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  const require = createRequire(import.meta.url);
  delete require.cache[outfile];
  const { openSchemaStore, QUANTITY_PATTERN } = require(outfile);
  return { store: openSchemaStore(path.join(repo, 'schemas/generated')), QUANTITY_PATTERN };
}

function replaceQuantityFormat(node, pattern) {
  if (Array.isArray(node)) return node.forEach((n) => replaceQuantityFormat(n, pattern));
  if (!node || typeof node !== 'object') return;
  if (node.format === 'quantity') {
    delete node.format;
    node.pattern = pattern;
  }
  for (const value of Object.values(node)) replaceQuantityFormat(value, pattern);
}

/**
 * Writes `k8s-1.<minor>.schema.json` into `cacheDir` and returns its path, the number of kinds and the
 * store's sources (for the report).
 */
export async function writeTheirSchema(repo, cacheDir, minor) {
  mkdirSync(cacheDir, { recursive: true });
  const { store, QUANTITY_PATTERN } = await openStore(repo, cacheDir);
  const bundle = store.bundleFor(minor, { descriptions: true });
  if (!bundle) throw new Error(`the schema store has no Kubernetes 1.${minor}`);
  replaceQuantityFormat(bundle.definitions, QUANTITY_PATTERN.source);
  const kinds = store.kinds(minor);
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `Kubernetes 1.${minor} (generated from the Workload Studio schema store for benchmarks)`,
    type: 'object',
    allOf: kinds.map((k) => ({
      if: { properties: { apiVersion: { const: k.apiVersion }, kind: { const: k.kind } }, required: ['apiVersion', 'kind'] },
      then: { $ref: `#/definitions/${k.definition}` },
    })),
    definitions: bundle.definitions,
  };
  const file = path.join(cacheDir, `k8s-1.${minor}.schema.json`);
  writeFileSync(file, JSON.stringify(schema));
  return { file, kinds: kinds.length, definitions: Object.keys(bundle.definitions).length };
}
