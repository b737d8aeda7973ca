/**
 * The two servers the benchmark drives, described as an editor would start them: the command, the
 * capabilities the client declares, the settings it answers to `workspace/configuration`, how complete
 * diagnostics arrive (pull or push) and which findings are schema findings.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const commonCapabilities = {
  workspace: { configuration: true, workspaceFolders: false },
  textDocument: {
    synchronization: { didSave: false, dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

/**
 * Our language server (`dist/server.js --stdio`), pulled diagnostics, target window `1.<minor>` only. Like the
 * extension, it keeps the V8 code caches of its modules in a folder (`codeCacheDir`); `firstStart()` gives the
 * same server with an empty one, as on its very first start.
 */
export function ourServer(repo, minor, codeCacheDir) {
  const version = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).version;
  const { execArgv, env } = serverProcess(repo);
  const spec = {
    id: 'ours',
    name: 'workload-studio',
    version,
    script: path.join(repo, 'dist/server.js'),
    execArgv,
    env: { ...env, [CODE_CACHE_ENV]: codeCacheDir },
    firstStart: () => ({ ...spec, env: { ...spec.env, [CODE_CACHE_ENV]: mkdtempSync(path.join(codeCacheDir, 'first-start-')) } }),
    args: ['--stdio'],
    diagnostics: 'pull',
    capabilities: { ...commonCapabilities, textDocument: { ...commonCapabilities.textDocument, diagnostic: { dynamicRegistration: false } } },
    initializationOptions: {},
    configuration: (section) => {
      if (section === 'workloadStudio') return { kubernetes: { minVersion: `1.${minor}`, maxVersion: `1.${minor}` } };
      return {};
    },
    isSchemaFinding: (d) => typeof d.code === 'string' && d.code.startsWith('schema/'),
  };
  return spec;
}

/** The variable naming the server's code cache folder (`server/src/codeCache.ts`). */
export const CODE_CACHE_ENV = 'WORKLOAD_STUDIO_CODE_CACHE';

/** The Node flags (`execArgv`) and environment (`env`) the extension starts our server with. */
function serverProcess(repo) {
  const { execArgv, env } = JSON.parse(readFileSync(path.join(repo, 'client/src/serverProcess.json'), 'utf8'));
  return { execArgv, env };
}

/**
 * yaml-language-server from node_modules, with the generated schema mapped to every `*.yaml` file and
 * everything that would reach the network (schema store, CRD store) switched off.
 */
export function theirServer(repo, schemaFile) {
  const pkgDir = path.join(repo, 'node_modules/yaml-language-server');
  const version = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
  const yaml = {
    validate: true,
    hover: true,
    completion: true,
    format: { enable: false },
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
    schemas: { [pathToFileURL(schemaFile).href]: ['*.yaml', '*.yml'] },
  };
  return {
    id: 'theirs',
    name: 'yaml-language-server',
    version,
    script: path.join(pkgDir, 'bin/yaml-language-server'),
    args: ['--stdio'],
    diagnostics: 'push',
    capabilities: commonCapabilities,
    initializationOptions: {},
    configuration: (section) => (section === 'yaml' ? yaml : {}),
    /** It pulls its settings after `initialized`; a round trip after our answer means they are applied. */
    ready: async (session) => {
      const deadline = Date.now() + session.timeoutMs;
      while (!session.configurationAnswered) {
        if (Date.now() > deadline) throw new Error('yaml-language-server never asked for its settings');
        await new Promise((r) => setTimeout(r, 5));
      }
      await session.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///kws-bench-ready.yaml' } }).catch(() => undefined);
    },
    isSchemaFinding: (d) => String(d.source ?? '').startsWith('yaml-schema'),
  };
}
