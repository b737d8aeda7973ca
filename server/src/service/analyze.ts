import type { DecodedText } from '../model/decode';
import { refOf } from '../model/resource';
import type { Locale } from '../model/types';
import { fileRange, type PlacedDocument, type YamlDocument } from '../model/yamlDocument';
import type { YamlFile } from '../model/yamlFile';
import { getRule, isOn, ruleLevel } from '../rules/registry';
import { encodingRule, SYNTAX_FALLBACK, SYNTAX_MESSAGES } from '../rules/yamlRules';
import { compareFindings, type DocumentFinding, type Finding } from './finding';
import { format } from './messages';
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
export function analyzeFile(file: YamlFile, settings: Settings, token?: Cancellation, decoded?: DecodedText): Finding[] {
  const key = `findings:${analysisKey(settings)}`;
  const out: Finding[] = [];
  for (const placed of file.documents) {
    if (token?.isCancellationRequested) throw new CancelledError();
    let found = placed.doc.memo.get(key) as DocumentFinding[] | undefined;
    if (!found) {
      found = analyzeDocument(placed.doc, settings);
      placed.doc.memo.set(key, found);
    }
    for (const f of found) out.push(place(placed, f));
  }
  const encoding = decoded?.invalidAt !== undefined ? encodingFinding(file, decoded, settings) : undefined;
  if (encoding) out.push(encoding);
  return out.sort(compareFindings);
}

function analyzeDocument(doc: YamlDocument, settings: Settings): DocumentFinding[] {
  const out: DocumentFinding[] = [];
  for (const p of doc.problems) {
    const rule = getRule(p.ruleId)!;
    const level = ruleLevel(rule, settings);
    if (!isOn(level)) continue;
    const detail = p.ruleId === 'syntax' ? syntaxDetail(p.code, p.detail, settings.locale) : '';
    out.push({
      ruleId: rule.id,
      severity: level,
      message: format(rule.messages.default, settings.locale, { detail, key: p.key ?? '' }),
      span: p.span,
      resource: null,
      fixes: [],
    });
  }
  return out;
}

function syntaxDetail(code: string, parserText: string, locale: Locale): string {
  const ours = format(SYNTAX_MESSAGES[code] ?? SYNTAX_FALLBACK, locale);
  if (code === 'UNRESOLVED_ALIAS') return `${ours} (${parserText})`;
  return locale === 'zh-CN' ? `${ours}（解析器：${parserText}）` : `${ours} (parser: ${parserText})`;
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
