import { Lexer } from 'yaml';
import { extractResources } from '../../server/src/index/extract';
import { WorkspaceIndex } from '../../server/src/index/workspaceIndex';
import { splitDocuments } from '../../server/src/model/split';
import { parseYamlFile, type YamlFile } from '../../server/src/model/yamlFile';
import { WorkspaceCrdCatalog } from '../../server/src/schema/crdCatalog';
import { analyzeFile } from '../../server/src/service/analyze';
import type { AnalysisEnv } from '../../server/src/service/env';
import type { Finding } from '../../server/src/service/finding';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/service/settings';
import { scopeKey, scopeOf } from '../../server/src/fixes/scope';
import { DOCUMENT_ADDING_FIXES } from '../../server/src/fixes/registry';
import { allRules, isOn, ruleLevel } from '../../server/src/rules/registry';

/** The default (production) profile, and the restricted one for the security fixes it leaves off. */
export const FIX_SETTINGS: Settings = DEFAULT_SETTINGS;
export const RESTRICTED: Settings = { ...DEFAULT_SETTINGS, profile: 'restricted' };

/** The profile under which a fix's rules report: restricted for `fix-*` ids that a rule reports there, else production. */
export function settingsFor(fixId: string): Settings {
  const inRestricted = allRules().some((r) => r.fixes?.includes(fixId) && isOn(ruleLevel(r, RESTRICTED)));
  return fixId.startsWith('fix-') && inRestricted ? RESTRICTED : FIX_SETTINGS;
}

/** A text analysed as a one-file workspace (so cross-document rules run). */
export function analyzeText(text: string, settings: Settings = FIX_SETTINGS, previous?: YamlFile, uri = 'file:///work/test.yaml'): { file: YamlFile; findings: Finding[]; env: AnalysisEnv } {
  const file = parseYamlFile(text, { templates: settings.templates }, previous);
  const index = new WorkspaceIndex(settings.defaultNamespace);
  const crds = new WorkspaceCrdCatalog();
  crds.setFile(uri, file);
  index.setFile(uri, extractResources(uri, file));
  const env = { index, crds, uri };
  return { file, findings: analyzeFile(file, settings, undefined, undefined, env), env };
}

const commentsByDocument = new Map<string, string[]>();

/**
 * Every comment of a text, as a multiset. Documents are lexed one at a time (a column-0 `---` ends any
 * scalar, so each lexes as it does in the whole text), and a document's comments are kept by its text,
 * so a fix's after-text costs only the document it changed.
 */
export function comments(text: string): Map<string, number> {
  const out = new Map<string, number>();
  if (commentsByDocument.size > 4000) commentsByDocument.clear();
  for (const slice of splitDocuments(text)) {
    const doc = text.slice(slice.start, slice.end);
    let found = commentsByDocument.get(doc);
    if (!found) commentsByDocument.set(doc, (found = [...new Lexer().lex(doc)].filter((t) => t.startsWith('#')).map((t) => t.trimEnd())));
    for (const c of found) out.set(c, (out.get(c) ?? 0) + 1);
  }
  return out;
}

function problems(file: YamlFile): number {
  return file.documents.reduce((n, d) => n + d.doc.problems.length, 0);
}

/** How many findings of a rule are about the same resource and container as `finding`. */
export function sameScopeCount(file: YamlFile, findings: readonly Finding[], finding: Finding, beforeFile: YamlFile): number {
  const key = scopeKey(finding.ruleId, scopeOf(beforeFile, finding));
  return findings.filter((f) => f.ruleId === finding.ruleId && scopeKey(f.ruleId, scopeOf(file, f)) === key).length;
}

/** The four properties every applied fix keeps; returns what broke, or an empty list. */
export function fixProblems(before: YamlFile, beforeFindings: readonly Finding[], after: string, finding: Finding, fixId: string, settings: Settings = FIX_SETTINGS): string[] {
  const out: string[] = [];
  const { file, findings } = analyzeText(after, settings, before);
  if (problems(file) > problems(before)) out.push('does not parse as cleanly');
  const docs = before.documents.length + (DOCUMENT_ADDING_FIXES.has(fixId) ? 1 : 0);
  if (file.documents.length !== docs) out.push(`has ${file.documents.length} documents, expected ${docs}`);
  const kept = comments(after);
  for (const [c, n] of comments(before.text)) if ((kept.get(c) ?? 0) < n) out.push(`lost comment ${c}`);
  if (sameScopeCount(file, findings, finding, before) >= sameScopeCount(before, beforeFindings, finding, before)) out.push(`${finding.ruleId} still reported`);
  return out;
}
