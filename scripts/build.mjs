// Generates the Kubernetes schemas and their validators when their inputs changed, then bundles the client, the language
// server and the CLI into dist/ with esbuild.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { arrayLoopsPlugin } from './arrayLoops.mjs';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: !watch,
  sourcemap: 'linked',
  logLevel: 'warning',
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  // yaml's ES module build: esbuild then calls its functions directly instead of through CommonJS
  // re-export getters, which cost about a third of the time of every tree walk.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
};
// The server and the CLI iterate arrays with indexed loops where the type checker proves them arrays
// (scripts/arrayLoops.mjs says why); watch builds skip the type check and keep the source's loops.
// Libraries only some files need (server/src/vendor.ts) are bundles of their own in dist/vendor/, loaded on first use:
// the server and the CLI leave their bare imports to that module, so a start neither parses nor runs them.
const VENDOR = ['ajv', 'cron-parser'];
const vendorExternal = {
  name: 'vendor-external',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^(${VENDOR.join('|')})$`) }, (args) => ({ path: args.path, external: true }));
  },
};
const serverPlugins = [vendorExternal, ...(watch ? [] : [arrayLoopsPlugin({ root: path.resolve('server/src') + path.sep, tsconfig: path.resolve('server/tsconfig.json') })])];
const targets = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['client/src/languageClient.ts'], outfile: 'dist/languageClient.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/serverMain.ts'], outfile: 'dist/serverMain.js', plugins: serverPlugins },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: `#!/usr/bin/env node\n${common.banner.js}` }, plugins: serverPlugins },
  ...VENDOR.map((name) => ({ stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: '.', loader: 'js' }, outfile: `dist/vendor/${name}.js` })),
];

/**
 * Bundles a server module into node_modules/.cache and runs `generate` on its exports when `stamp` (the file it writes)
 * is missing or older than one of `inputs`; returns what `generate` returned, or undefined when nothing was stale.
 */
async function generateWhenStale(stamp, inputs, entry, generate) {
  if (existsSync(stamp) && inputs.every((f) => statSync(f).mtimeMs <= statSync(stamp).mtimeMs)) return undefined;
  const generator = `node_modules/.cache/workload-studio/${path.basename(entry, '.ts')}.cjs`;
  await esbuild.build({ ...common, minify: false, sourcemap: false, entryPoints: [entry], outfile: generator });
  return generate(createRequire(import.meta.url)(path.resolve(generator)));
}

const schemaStamp = 'schemas/generated/index.json';
const schemaInputs = ['package-lock.json', ...readdirSync('scripts/schemas').map((f) => `scripts/schemas/${f}`)];
const stale = !existsSync(schemaStamp) || schemaInputs.some((f) => statSync(f).mtimeMs > statSync(schemaStamp).mtimeMs);
if (stale || process.argv.includes('--schemas')) execFileSync(process.execPath, ['scripts/schemas/generate.mjs'], { stdio: 'inherit' });

// The validators of the default window's newest minor, generated once here instead of by ajv on the first
// files of every session (server/src/schema/precompile.ts says what is written).
const validatorStamp = 'schemas/generated/validators/index.json';
const validatorInputs = [schemaStamp, 'package-lock.json', 'scripts/build.mjs', ...['precompile', 'precompiled', 'validators', 'formats'].map((f) => `server/src/schema/${f}.ts`), 'server/src/service/settings.ts'];
// Minified, they are a third smaller, which V8 parses faster on a first start (before the code cache holds them).
const minifyValidators = (text) => esbuild.transformSync(text, { minify: true, target: common.target, logLevel: 'warning' }).code;
const validators = await generateWhenStale(validatorStamp, validatorInputs, 'server/src/schema/precompile.ts', (m) => m.precompileDefault('schemas/generated', minifyValidators));
if (validators) console.log(`wrote the validators of ${validators.kinds} kinds of Kubernetes 1.${validators.minor} (${(validators.bytes / 2 ** 20).toFixed(1)} MiB)`);

// Which kinds hold one kind of value at every path in every minor (server/src/versions/regularKinds.ts), worked out
// once here instead of from every minor's schemas in the server.
const regularStamp = 'schemas/generated/regular-kinds.json';
const regularInputs = [schemaStamp, 'server/src/versions/regularKinds.ts', 'server/src/schema/store.ts'];
const regular = await generateWhenStale(regularStamp, regularInputs, 'server/src/versions/regularKinds.ts', (m) => m.writeRegularKinds('schemas/generated'));
if (regular) console.log(`listed ${regular.regular} of ${regular.kinds} kinds as regular`);

mkdirSync('dist', { recursive: true });
const started = Date.now();
if (watch) {
  for (const t of targets) await (await esbuild.context({ ...common, ...t })).watch();
  console.log('watching…');
} else {
  await Promise.all(targets.map((t) => esbuild.build({ ...common, ...t })));
  console.log(`built dist/ in ${Date.now() - started} ms`);
}
