import { CompletionItemKind, InsertTextFormat, InsertTextMode, type CompletionItem, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { complete } from '../completion/complete';
import { snippetToPlainText } from '../completion/plainText';
import type { Proposal } from '../completion/types';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { Locale } from '../model/types';
import type { YamlFile } from '../model/yamlFile';
import { configCompletions } from '../config/configEditing';
import type { Settings } from '../service/settings';
import { toCompletionItem } from './convert';
import { SettingsProvider } from './settingsProvider';

/** What the completion and hover handlers need from the server. */
export interface EditingDeps {
  documents: TextDocuments<TextDocument>;
  /** The parsed model and settings of an open document. */
  model(doc: TextDocument): Promise<{ file: YamlFile; settings: Settings }>;
  /** The UI language negotiated at `initialize`. */
  locale(): Locale;
  /** The workspace index, when the server builds one. */
  index(): WorkspaceIndex | undefined;
  /** Whether the client declared `textDocument.completion.completionItem.snippetSupport` at `initialize`. */
  snippetSupport?(): boolean;
}

const KIND: Record<Proposal['kind'], CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  reference: CompletionItemKind.Reference,
  snippet: CompletionItemKind.Snippet,
  kind: CompletionItemKind.Class,
};

/** A manifest completion proposal as an LSP completion item; without `snippets`, snippet proposals become plain text. */
export function toManifestItem(p: Proposal, snippets = true): CompletionItem {
  const snippet = !!p.snippet && snippets;
  return {
    label: p.label,
    kind: KIND[p.kind],
    detail: p.detail,
    documentation: p.documentation ? { kind: 'markdown', value: p.documentation } : undefined,
    textEdit: { range: p.range, newText: p.snippet && !snippets ? snippetToPlainText(p.insertText) : p.insertText },
    insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    insertTextMode: InsertTextMode.adjustIndentation,
    sortText: p.sortText,
    filterText: p.filterText,
    additionalTextEdits: p.additionalEdits,
    tags: p.deprecated ? [1] : undefined,
  };
}

/** Serves `textDocument/completion`: `.kws.yaml` keys and values, and manifest completion everywhere else. */
export function registerCompletion(connection: Connection, deps: EditingDeps): void {
  connection.onCompletion(async (params, token) => {
    const doc = deps.documents.get(params.textDocument.uri);
    if (!doc || token.isCancellationRequested) return [];
    if (SettingsProvider.isConfigFile(doc.uri)) return configCompletions(doc.getText(), params.position, deps.locale()).map(toCompletionItem);
    const { file, settings } = await deps.model(doc);
    const snippets = deps.snippetSupport?.() ?? true;
    return { isIncomplete: false, items: complete(file, params.position, settings, { index: deps.index(), uri: doc.uri }).map((p) => toManifestItem(p, snippets)) };
  });
}
