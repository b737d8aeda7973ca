import type { DecodedText } from '../model/decode';
import { refOf } from '../model/resource';
import { fileRange, type PlacedDocument } from '../model/yamlDocument';
import type { YamlFile } from '../model/yamlFile';
import { isOn, ruleLevel } from '../rules/registry';
import { encodingRule, fileTooLargeRule } from '../rules/yamlRules';
import { analyzeDocument, applySuppressions } from '../rules/engine';
import { dependenciesCurrent, TrackedIndex } from '../cross/trackedIndex';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import { compareFindings, type DocumentFinding, type Finding } from './finding';
import { format } from './messages';
import { envKey, type AnalysisEnv } from './env';
import { analysisKey, type Settings } from './settings';

/** Something that can stop a long analysis early (an LSP cancellation token fits). */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

/** Thrown when an analysis stops because it was cancelled. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

/**
 * All findings of a file under the settings. Each YAML document's findings are computed once per
 * (document text, settings) and reused while that document is unchanged.
 */
export function analyzeFile(file: YamlFile, settings: Settings, token?: Cancellation, decoded?: DecodedText, env: AnalysisEnv = {}): Finding[] {
  const settingsKey = analysisKey(settings);
  const out: Finding[] = [];
  for (const placed of file.documents) {
    if (token?.isCancellationRequested) throw new CancelledError();
    const key = `${settingsKey}:${envKey(env, placed.doc.resources)}`;
    const memo = placed.doc.memo.get('findings') as { key: string; found: DocumentFinding[] } | undefined;
    let found = memo?.key === key ? memo.found : undefined;
    if (!found) {
      found = analyzeDocument(placed.doc, settings, env);
      placed.doc.memo.set('findings', { key, found });
    }
    const cross = env.index ? crossFindings(placed, settings, env, env.index) : [];
    for (const f of applySuppressions(placed.doc, settings, cross.length ? [...found, ...cross] : found)) out.push(place(placed, f));
  }
  const encoding = decoded?.invalidAt !== undefined ? encodingFinding(file, decoded, settings) : undefined;
  if (encoding) out.push(encoding);
  const limited = file.limited && limitFinding(file, settings);
  if (limited) out.push(limited);
  return (file.masked.length ? dropMasked(file, out) : out).sort(compareFindings);
}

function place(placed: PlacedDocument, f: DocumentFinding): Finding {
  const resource = f.resource === null ? null : refOf(placed.doc.resources[f.resource]);
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    range: fileRange(placed, f.span),
    document: placed.index,
    resource,
    fixes: f.fixes,
    related: f.related,
  };
}

function encodingFinding(file: YamlFile, decoded: DecodedText, settings: Settings): Finding | undefined {
  const level = ruleLevel(encodingRule, settings);
  if (!isOn(level)) return undefined;
  const at = file.lines().positionAt(decoded.invalidAt ?? 0);
  const docIndex = file.documents.filter((d) => d.startLine <= at.line).length - 1;
  return {
    ruleId: encodingRule.id,
    severity: level,
    message: format(encodingRule.messages.default, settings.locale, { encoding: decoded.encoding.toUpperCase() }),
    range: { start: at, end: { line: at.line, character: at.character + 1 } },
    document: Math.max(0, docIndex),
    resource: null,
    fixes: [],
  };
}

/**
 * The info finding of a file over a size limit, at the first line that was not analysed. Its document index is
 * past the analysed ones, so no suppression comment (which would not apply to it) is offered.
 */
function limitFinding(file: YamlFile, settings: Settings): Finding | undefined {
  const hit = file.limited;
  const level = ruleLevel(fileTooLargeRule, settings);
  if (!hit || !isOn(level)) return undefined;
  const end = Math.min(lineLength(file, hit.line), 200);
  return {
    ruleId: fileTooLargeRule.id,
    severity: level,
    message: format(fileTooLargeRule.messages[hit.limit === 'maxFileSize' ? 'default' : hit.limit], settings.locale, { actual: hit.actual, max: hit.max }),
    range: { start: { line: hit.line, character: 0 }, end: { line: hit.line, character: end } },
    document: file.documents.length,
    resource: null,
    fixes: [],
  };
}

function lineLength(file: YamlFile, line: number): number {
  const start = line === 0 ? 0 : file.lines().starts[line] ?? file.text.length;
  const nl = file.text.indexOf('\n', start);
  const end = nl === -1 ? file.text.length : nl;
  return end - start - (end > start && file.text.charCodeAt(end - 1) === 13 ? 1 : 0);
}

/** In a masked template, findings on a masked action judge a placeholder, not the author's text. */
function dropMasked(file: YamlFile, findings: Finding[]): Finding[] {
  const lines = file.lines();
  return findings.filter((f) => {
    const start = lines.offsetAt(f.range.start);
    const end = Math.max(start + 1, lines.offsetAt(f.range.end));
    return !file.masked.some(([a, b]) => start < b && a < end);
  });
}

/** Counts analyses of cross-document rules, so tests can see that an edit re-checks only what depends on it. */
export const crossStats = { runs: 0 };

function crossFindings(placed: PlacedDocument, settings: Settings, env: AnalysisEnv, index: WorkspaceIndex): DocumentFinding[] {
  if (!placed.doc.resources.length) return [];
  const slot = `cross:${env.uri ?? ''}:${placed.index}`;
  const key = analysisKey(settings);
  const memo = placed.doc.memo.get(slot) as { key: string; deps: Map<string, number>; found: DocumentFinding[] } | undefined;
  if (memo && memo.key === key && dependenciesCurrent(index, memo.deps)) return memo.found;
  crossStats.runs++;
  const tracked = new TrackedIndex(index);
  const found = analyzeDocument(placed.doc, settings, env, tracked);
  placed.doc.memo.set(slot, { key, deps: tracked.dependencies(), found });
  return found;
}
