import { CompletionItemKind, DiagnosticSeverity, DiagnosticTag, SymbolKind, type CompletionItem, type Diagnostic, type DocumentSymbol } from 'vscode-languageserver';
import type { ConfigCompletion } from '../config/configEditing';
import type { Severity } from '../model/types';
import { ruleDocsUrl } from '../rules/docs';
import type { Finding } from '../service/finding';
import type { OutlineKind, OutlineSymbol } from '../service/symbols';

/** What a diagnostic carries for code actions: the rule, the fixes and where the finding is. */
export interface DiagnosticData {
  ruleId: string;
  fixes: string[];
  document: number;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A finding as an LSP diagnostic: code = rule id, a docs link, and the fix reference in `data`. */
export function toDiagnostic(f: Finding, locale: 'en' | 'zh-CN'): Diagnostic {
  const data: DiagnosticData = { ruleId: f.ruleId, fixes: f.fixes, document: f.document };
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: { href: ruleDocsUrl(f.ruleId, locale) },
    source: 'workload-studio',
    message: f.message,
    data,
  };
  if (f.ruleId.startsWith('unused-')) d.tags = [DiagnosticTag.Unnecessary];
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message }));
  }
  return d;
}

const SYMBOL: Record<OutlineKind, SymbolKind> = {
  resource: SymbolKind.Class,
  document: SymbolKind.Module,
  object: SymbolKind.Module,
  array: SymbolKind.Array,
  string: SymbolKind.String,
  number: SymbolKind.Number,
  boolean: SymbolKind.Boolean,
  null: SymbolKind.Null,
};

/** An outline entry as an LSP document symbol. */
export function toDocumentSymbol(s: OutlineSymbol): DocumentSymbol {
  return {
    name: s.name || ' ',
    detail: s.detail,
    kind: SYMBOL[s.kind],
    range: s.range,
    selectionRange: s.selectionRange,
    children: s.children.map(toDocumentSymbol),
  };
}

/** A `.kws.yaml` completion proposal as an LSP completion item. */
export function toCompletionItem(c: ConfigCompletion): CompletionItem {
  return {
    label: c.label,
    kind: c.kind === 'property' ? CompletionItemKind.Property : CompletionItemKind.Value,
    detail: c.detail,
    documentation: c.documentation ? { kind: 'markdown', value: c.documentation } : undefined,
    insertText: c.insertText,
  };
}
