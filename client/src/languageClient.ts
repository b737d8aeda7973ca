import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CODE_CACHE_ENV } from '../../server/src/codeCache';
import { explicitSettings } from './explicitSettings';
import SERVER_PROCESS from './serverProcess.json';

/**
 * Creates the language client of the server bundled at `dist/server.js` (IPC), answering its settings requests with
 * the explicit settings. The server process gets `serverProcess.json`'s Node flags and environment: young-generation
 * semi-spaces of 4 MiB (Node's 16 MiB default costs about 15 MiB of peak memory, 2 MiB made reopening
 * kube-prometheus's 84 files 4–10 % slower in A/B series), from the start rather than grown from 1 MiB (the first
 * scavenges of an open then come later and copy less: cold opens of argo-cd, kube-prometheus and deploy-300 took 4–9 %
 * less time and 4–14 % less CPU in A/B series of fourteen rounds, with the same peak memory); a TurboFan interrupt
 * budget of 264 KiB of bytecode, four times Node 20's V8 default, so a function is optimised only after it has run
 * four times as much (during an open the optimising compiler spent more than it saved, on code whose type feedback was
 * still young: cold opens of kube-prometheus and deploy-300 took 10–25 % less time and 20–35 % less CPU in A/B
 * series); half of V8's default cumulative inlining budget (460 bytes of bytecode inlined into one optimised function
 * instead of 920), so each optimising compile of an open ends sooner (cold opens of deploy-300 and argo-cd took 5–10 %
 * less time and about 10 % less CPU in A/B series of ten rounds, kube-prometheus's about the same); and an explicit
 * glibc trim threshold, which stops glibc from raising it after large buffers are freed and so returns freed memory to
 * the system (about 10 MiB less after opening argo-cd's bundle; runtimes that do not use glibc's allocator ignore it).
 * It also gets a folder in the extension's global storage for the V8 code caches of its modules
 * (`server/src/codeCache.ts`). BENCHMARKS.md measures the server so started.
 */
export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const env = { ...SERVER_PROCESS.env, [CODE_CACHE_ENV]: path.join(context.globalStorageUri.fsPath, 'code-cache') };
  const { execArgv } = SERVER_PROCESS;
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv, env } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...execArgv, '--nolazy', '--inspect=6011'], env } },
  };
  const config = vscode.workspace.getConfiguration('workloadStudio');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    outputChannel: output,
    middleware: {
      workspace: {
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) return answers;
          return params.items.map((item, i) => (item.section === 'workloadStudio' ? explicitSettings(item.scopeUri) : answers[i]));
        },
      },
    },
    initializationOptions: {
      index: config.get<boolean>('index.enable', true),
      maxIndexFileSize: config.get<number>('index.maxFileSize', 5 * 1024 * 1024),
    },
  };
  return new LanguageClient('workloadStudio', 'Workload Studio', serverOptions, clientOptions);
}
