import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { getHeapSpaceStatistics } from 'node:v8';
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { codeCacheOutcomes } from '../codeCache';
import { WorkloadStudioProtocol as P } from '../protocol';
import { crossStats } from '../service/analyze';
import type { ModelCache } from '../service/modelCache';

/** What the debug request reads (never writes). */
export interface DebugStatsDeps {
  documents: TextDocuments<TextDocument>;
  models: ModelCache;
}

/** Answers `workloadStudio/debugStats`: heap (after a forced GC when exposed), an open document's hash, counters, code caches. */
export function debugStats(params: P.DebugStatsParams, deps: DebugStatsDeps): P.DebugStatsResult {
  const gc = (globalThis as { gc?: () => void }).gc;
  const gcForced = !!params?.gc && typeof gc === 'function';
  if (gcForced) gc!();
  const uri = params?.textDocument?.uri;
  const doc = uri ? deps.documents.get(uri) : undefined;
  let document: P.DebugStatsResult['document'] = null;
  if (doc) {
    const text = doc.getText();
    const model = deps.models.peek(doc.uri);
    document = {
      version: doc.version,
      length: text.length,
      sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
      reparsed: model && model.version === doc.version ? model.reparsed : null,
    };
  }
  const heapSpaces = Object.fromEntries(getHeapSpaceStatistics().map((space) => [space.space_name, space.space_used_size]));
  const codeCache = Object.fromEntries([...codeCacheOutcomes()].map(([file, outcome]) => [path.basename(file), outcome]));
  return { heapUsed: process.memoryUsage().heapUsed, heapSpaces, gcForced, document, crossRuns: crossStats.runs, codeCache };
}

/** Registers the read-only `workloadStudio/debugStats` request. */
export function registerDebugStats(connection: Connection, deps: DebugStatsDeps): void {
  connection.onRequest(P.debugStats, (params: P.DebugStatsParams) => debugStats(params, deps));
}
