import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Connection, type Diagnostic, type SnippetTextEdit, type TextDocuments, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { CONFIG_FILE } from '../config/kwsConfig';
import { disableInConfigText, disableLineEdits, disableResourceEdits } from '../fixes/disable';
import { diffEdit, type Edit } from '../fixes/edits';
import { findAgain, fixAll, fixesForFinding } from '../fixes/engine';
import { LineIndex } from '../model/lines';
import type { Locale } from '../model/types';
import type { YamlFile } from '../model/yamlFile';
import { ruleDocsUrl } from '../rules/docs';
import { getFix } from '../rules/fixes';
import { analyzeFile } from '../service/analyze';
import type { AnalysisEnv } from '../service/env';
import type { Finding } from '../service/finding';
import type { Settings } from '../service/settings';
import type { DiagnosticData } from './convert';

/** The code action kind of "fix all safe problems" (for `editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.workloadStudio`;

/** The server capability for code actions. */
export const CODE_ACTION_OPTIONS = { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false };

/** What the code action handler needs from the server. */
export interface CodeActionDeps {
  documents: TextDocuments<TextDocument>;
  model: (doc: TextDocument) => Promise<{ file: YamlFile; settings: Settings }>;
  env: (uri: string) => AnalysisEnv;
  locale: () => Locale;
  /** The first workspace folder's path, where `.kws.yaml` lives. */
  root: () => string | undefined;
  /** True when the client accepts snippet text edits (`workspace.workspaceEdit.snippetEditSupport`, LSP 3.18). */
  snippetEdits?: () => boolean;
}

const TITLES = {
  fixAllRule: { en: 'Fix all `{rule}` problems in this file', 'zh-CN': '修复此文件中所有 `{rule}` 问题' },
  fixAll: { en: 'Fix all safe Workload Studio problems', 'zh-CN': '修复所有可安全修复的 Workload Studio 问题' },
  line: { en: 'Disable `{rule}` for this line', 'zh-CN': '对此行禁用 `{rule}`' },
  resource: { en: 'Disable `{rule}` for this resource', 'zh-CN': '对此资源禁用 `{rule}`' },
  config: { en: 'Disable `{rule}` in .kws.yaml', 'zh-CN': '在 .kws.yaml 中禁用 `{rule}`' },
  docs: { en: 'Open the documentation of `{rule}`', 'zh-CN': '打开 `{rule}` 的文档' },
};

function title(key: keyof typeof TITLES, locale: Locale, rule = ''): string {
  return TITLES[key][locale].replace('{rule}', rule);
}

function textEdits(file: YamlFile, edits: readonly Edit[]): TextEdit[] {
  const lines = file.lines();
  return edits.map((e) => ({ range: { start: lines.positionAt(e.start), end: lines.positionAt(e.end) }, newText: e.text }));
}

/** A fix's workspace edit: snippet edits (tab stops) when the client takes them and the fix has any, else plain text edits. */
export function fixEdit(uri: string, version: number, file: YamlFile, edits: readonly Edit[], snippets: boolean): WorkspaceEdit {
  if (!snippets || !edits.some((e) => e.snippet !== undefined)) return { changes: { [uri]: textEdits(file, edits) } };
  const lines = file.lines();
  const mixed = edits.map((e): TextEdit | SnippetTextEdit => {
    const range = { start: lines.positionAt(e.start), end: lines.positionAt(e.end) };
    return e.snippet === undefined ? { range, newText: e.text } : { range, snippet: { kind: 'snippet', value: e.snippet } };
  });
  return { documentChanges: [{ textDocument: { uri, version }, edits: mixed }] };
}

function wants(params: CodeActionParams, kind: string): boolean {
  const only = params.context.only;
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** Registers quick-fixes, disable actions, docs links and fix-all on the connection. */
export function registerCodeActions(connection: Connection, deps: CodeActionDeps): void {
  connection.onCodeAction(async (params) => {
    const doc = deps.documents.get(params.textDocument.uri);
    if (!doc) return null;
    const { file, settings } = await deps.model(doc);
    if (file.template) return [];
    const env = deps.env(doc.uri);
    const locale = deps.locale();
    const actions: CodeAction[] = [];
    if (wants(params, FIX_ALL_KIND) && !file.limited) {
      const all = fixAll(file.text, { settings, envFor: () => env });
      if (all.applied.length) actions.push({ title: title('fixAll', locale), kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: textEdits(file, [diffEdit(file.text, all.text)]) } } });
    }
    if (!wants(params, CodeActionKind.QuickFix)) return actions;
    const findings = analyzeFile(file, settings, undefined, undefined, env);
    for (const diagnostic of params.context.diagnostics) {
      const data = diagnostic.data as DiagnosticData | undefined;
      if (diagnostic.source !== 'workload-studio' || !data?.ruleId) continue;
      const finding = findAgain(findings, { ruleId: data.ruleId, document: data.document, range: diagnostic.range });
      if (!finding) continue;
      actions.push(...quickFixes({ uri: doc.uri, version: doc.version, snippets: !!deps.snippetEdits?.() }, file, finding, diagnostic, findings, settings, env, locale));
      actions.push(...disableActions(doc.uri, file, finding, diagnostic, deps, locale));
    }
    return actions;
  });
}

function quickFixes(target: { uri: string; version: number; snippets: boolean }, file: YamlFile, finding: Finding, diagnostic: Diagnostic, findings: Finding[], settings: Settings, env: AnalysisEnv, locale: Locale): CodeAction[] {
  const { uri } = target;
  const out: CodeAction[] = [];
  for (const built of fixesForFinding(file, finding, settings, env)) {
    const edit = fixEdit(uri, target.version, file, built.edits, target.snippets);
    out.push({ title: built.fix.title[locale], kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: built.fix.safe && !out.length, edit });
  }
  const sameRule = findings.filter((f) => f.ruleId === finding.ruleId && f.fixes.some((id) => getFix(id)?.safe));
  if (out.length && sameRule.length > 1 && !file.limited) {
    const all = fixAll(file.text, { settings, envFor: () => env, rules: new Set([finding.ruleId]) });
    if (all.applied.length > 1) out.push({ title: title('fixAllRule', locale, finding.ruleId), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: textEdits(file, [diffEdit(file.text, all.text)]) } } });
  }
  return out;
}

function disableActions(uri: string, file: YamlFile, finding: Finding, diagnostic: Diagnostic, deps: CodeActionDeps, locale: Locale): CodeAction[] {
  const out: CodeAction[] = [];
  const rule = finding.ruleId;
  const line = finding.document < file.documents.length ? disableLineEdits(file, finding) : undefined;
  if (line) out.push({ title: title('line', locale, rule), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: textEdits(file, line) } } });
  const resource = disableResourceEdits(file, finding);
  if (resource) out.push({ title: title('resource', locale, rule), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: textEdits(file, resource) } } });
  const config = configEdit(deps, rule);
  if (config) out.push({ title: title('config', locale, rule), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: config });
  out.push({ title: title('docs', locale, rule), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title: title('docs', locale, rule), command: 'workloadStudio.openRuleDocs', arguments: [ruleDocsUrl(rule, locale), rule] } });
  return out;
}

function configEdit(deps: CodeActionDeps, ruleId: string): WorkspaceEdit | undefined {
  const root = deps.root();
  if (!root) return undefined;
  const file = path.join(root, CONFIG_FILE);
  const uri = URI.file(file).toString();
  const open = deps.documents.get(uri)?.getText();
  const current = open ?? (existsSync(file) ? readFileSync(file, 'utf8') : undefined);
  const next = disableInConfigText(current, ruleId);
  if (next === undefined) return undefined;
  if (current === undefined) {
    return { documentChanges: [{ kind: 'create', uri, options: { ignoreIfExists: true } }, { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: next }] }] };
  }
  const e = diffEdit(current, next);
  const lines = new LineIndex(current);
  return { changes: { [uri]: [{ range: { start: lines.positionAt(e.start), end: lines.positionAt(e.end) }, newText: e.text }] } };
}
