import type { Locale, Range } from '../model/types';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { Settings } from '../service/settings';
import type { SchemaStore } from '../schema/store';

/** One completion proposal; the LSP layer turns it into a CompletionItem. */
export interface Proposal {
  label: string;
  kind: 'property' | 'value' | 'enum' | 'reference' | 'snippet' | 'kind';
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText: string;
  /** True when `insertText` holds snippet tab stops (`$1`, `${1:x}`, `${1|a,b|}`). */
  snippet?: boolean;
  sortText?: string;
  filterText?: string;
  /** The text the proposal replaces (the typed prefix). */
  range: Range;
  /** Edits elsewhere in the document (e.g. the `apiVersion` line when a kind is chosen). */
  additionalEdits?: { range: Range; newText: string }[];
  /** Marks a field the window's oldest version does not have. */
  deprecated?: boolean;
}

/** What completion and hover may use beyond the document. */
export interface EditingEnv {
  /** The schema store; the shipped one when absent. */
  store?: SchemaStore;
  /** The workspace index, for workspace-driven completions and hover. */
  index?: WorkspaceIndex;
  /** The document's URI, to tell its resources from others in the index. */
  uri?: string;
}

/** Settings completion and hover read. */
export type EditingSettings = Pick<Settings, 'locale' | 'kubernetes' | 'defaultNamespace'>;

/** Picks the text of a locale. */
export function tr(locale: Locale, en: string, zh: string): string {
  return locale === 'zh-CN' ? zh : en;
}
