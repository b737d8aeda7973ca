import { CompletionItemKind, DiagnosticSeverity, DiagnosticTag, SymbolKind, type CodeLens, type CompletionItem, type Diagnostic, type DocumentSymbol } from 'vscode-languageserver';
import type { ConfigCompletion } from '../config/configEditing';
import type { CoverageLens } from '../cross/navigation';
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

/** A coverage lens ("PDB api-pdb · HPA 3–50 · Service api") as an LSP CodeLens; clicking lists the coverers. */
export function toCoverageLens(uri: string, lens: CoverageLens, locale: 'en' | 'zh-CN'): CodeLens {
  const title = lens.items.length
    ? lens.items.map((i) => `${i.kind} ${i.name}${i.detail ? ` ${i.detail}` : ''}`).join(' · ')
    : locale === 'zh-CN'
      ? '没有 PDB、自动扩缩器或 Service 指向此工作负载'
      : 'No PDB, autoscaler or Service points at this workload';
  return {
    range: lens.range,
    command: {
      title,
      command: lens.items.length ? 'workloadStudio.showCoverage' : '',
      arguments: [uri, lens.range.start, lens.items.map((i) => ({ uri: i.target.uri, range: i.target.selectionRange }))],
    },
  };
}
