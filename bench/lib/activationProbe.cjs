/**
 * Run in a fresh Node process by activation.mjs: loads dist/extension.js against a stub `vscode` module
 * (every member is a callable, constructible stand-in) and prints, as JSON, how long loading the bundle
 * and running `activate` took, and which files under `schemas/` were read meanwhile.
 */
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');

const extensionDir = process.argv[2];
const schemaReads = [];
for (const name of ['readFileSync', 'readFile', 'openSync', 'createReadStream']) {
  const original = fs[name];
  fs[name] = function (file, ...rest) {
    if (typeof file === 'string' && file.includes(`${path.sep}schemas${path.sep}`)) schemaReads.push(path.relative(extensionDir, file));
    return original.call(this, file, ...rest);
  };
}

function stub(name) {
  const assigned = new Map();
  const fn = function () {
    return stub(`${name}()`);
  };
  return new Proxy(fn, {
    get(_, key) {
      if (assigned.has(key)) return assigned.get(key);
      if (key === 'then' || typeof key === 'symbol') return undefined;
      if (key === 'toString') return () => name;
      return stub(`${name}.${String(key)}`);
    },
    set(_, key, value) {
      assigned.set(key, value);
      return true;
    },
    defineProperty(_, key, descriptor) {
      assigned.set(key, descriptor.value ?? descriptor.get?.());
      return true;
    },
    construct: () => stub(`new ${name}`),
    apply: () => stub(`${name}()`),
  });
}

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
const typings = fs.readFileSync(require.resolve('@types/vscode/index.d.ts', { paths: [extensionDir] }), 'utf8');
const names = [...new Set([...typings.matchAll(/^\texport (?:namespace|class|enum|const|let|function) (\w+)/gm)].map((m) => m[1]))];
const api = new Proxy(
  {},
  {
    get: (_, key) => (key === 'version' ? '1.100.0' : key === 'then' || key === '__esModule' || typeof key === 'symbol' ? undefined : stub(`vscode.${String(key)}`)),
    ownKeys: () => names,
    getOwnPropertyDescriptor: (_, key) => ({ configurable: true, enumerable: true, value: key === 'version' ? '1.100.0' : stub(`vscode.${String(key)}`) }),
  },
);
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: api };

const context = {
  subscriptions: [],
  extensionPath: extensionDir,
  extensionUri: stub('extensionUri'),
  asAbsolutePath: (p) => path.join(extensionDir, p),
  globalState: stub('globalState'),
  workspaceState: stub('workspaceState'),
  environmentVariableCollection: stub('environmentVariableCollection'),
};

process.on('unhandledRejection', () => undefined);
const started = performance.now();
const extension = require(path.join(extensionDir, 'dist/extension.js'));
const loaded = performance.now();
Promise.resolve(extension.activate(context)).then(
  () => {
    const activated = performance.now();
    process.stdout.write(JSON.stringify({ loadMs: loaded - started, activateMs: activated - loaded, totalMs: activated - started, schemaReads }));
    process.exit(0);
  },
  (e) => {
    process.stdout.write(JSON.stringify({ error: String(e && e.stack ? e.stack : e) }));
    process.exit(1);
  },
);
