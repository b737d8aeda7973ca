import { extractResources, type IndexedResource } from '../index/extract';
import type { Position, Range } from '../model/types';
import { documentAt, type YamlFile } from '../model/yamlFile';
import { defaultSchemaStore } from '../schema/instance';
import type { SchemaStore } from '../schema/store';
import { cursorContext, type CursorContext, type LineSource } from './context';
import { conventionProposals } from './conventions';
import { keyProposals, valueProposals } from './keys';
import { documentKind, fieldFor, windowMinors } from './schemaAt';
import { tr, type EditingEnv, type EditingSettings, type Proposal } from './types';
import { workspaceProposals } from './workspace';

/** The lines of a file as a {@link LineSource}, bounded by the parsed YAML document at `pos` when there is one. */
export function fileLines(file: YamlFile, pos: Position): LineSource {
  const lines = file.lines();
  const placed = documentAt(file, pos);
  const indents = indentsOf(file);
  const src: LineSource = { lineAt: (l) => lines.lineText(l), lineCount: lines.lineCount, indentAt: (l) => indents[l] ?? 0 };
  if (placed) {
    src.first = placed.startLine;
    src.last = placed.startLine + placed.doc.lines.lineCount - 1;
  }
  return src;
}

const indentCache = new WeakMap<YamlFile, Int32Array>();

/** Leading spaces of every line of a file, computed once per file version. */
function indentsOf(file: YamlFile): Int32Array {
  let out = indentCache.get(file);
  if (out) return out;
  const text = file.text;
  const starts = file.lines().starts;
  out = new Int32Array(starts.length);
  for (let l = 0; l < starts.length; l++) {
    let i = starts[l];
    while (text.charCodeAt(i) === 32) i++;
    out[l] = i - starts[l];
  }
  indentCache.set(file, out);
  return out;
}

/** Kinds served in the window, each with the apiVersion to use (newest stable first). */
function kindPairs(store: SchemaStore, minors: number[]): { apiVersion: string; kind: string }[] {
  const seen = new Map<string, { apiVersion: string; kind: string }>();
  for (const m of [...minors].reverse()) for (const k of store.kinds(m)) if (!seen.has(`${k.apiVersion} ${k.kind}`)) seen.set(`${k.apiVersion} ${k.kind}`, k);
  return [...seen.values()];
}

const stability = (v: string) => (/v\d+$/.test(v) ? 0 : /beta/.test(v) ? 1 : 2);

/** The line holding `key:` at the root of the document around `line`, if any. */
function rootLine(src: LineSource, line: number, key: string): number | undefined {
  for (let l = line; l >= 0 && !/^(---|\.\.\.)(\s|$)/.test(src.lineAt(l)); l--) if (src.lineAt(l).startsWith(`${key}:`)) return l;
  for (let l = line + 1; l < src.lineCount && !/^(---|\.\.\.)(\s|$)/.test(src.lineAt(l)); l++) if (src.lineAt(l).startsWith(`${key}:`)) return l;
  return undefined;
}

/** Edit that sets the root `key:` of the document to `value`, inserting the line above `line` when missing. */
function setRoot(src: LineSource, line: number, key: string, value: string): { range: Range; newText: string } {
  const at = rootLine(src, line, key);
  if (at === undefined) return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${key}: ${value}\n` };
  const text = src.lineAt(at).replace(/\r$/, '');
  return { range: { start: { line: at, character: key.length + 1 }, end: { line: at, character: text.length } }, newText: ` ${value}` };
}

/** `apiVersion`/`kind` value proposals; choosing one sets the other root field to match. */
function pairProposals(store: SchemaStore, minors: number[], src: LineSource, ctx: CursorContext, pos: Position, locale: 'en' | 'zh-CN'): Proposal[] {
  const isKind = ctx.key === 'kind';
  const pairs = kindPairs(store, minors).sort((a, b) => stability(a.apiVersion) - stability(b.apiVersion) || a.kind.localeCompare(b.kind));
  return pairs.map((p, i) => ({
    label: isKind ? p.kind : p.apiVersion,
    kind: 'kind',
    detail: isKind ? p.apiVersion : p.kind,
    documentation: tr(locale, `Sets \`apiVersion: ${p.apiVersion}\` and \`kind: ${p.kind}\`.`, `设置 \`apiVersion: ${p.apiVersion}\` 和 \`kind: ${p.kind}\`。`),
    insertText: isKind ? p.kind : p.apiVersion,
    filterText: isKind ? p.kind : `${p.apiVersion} ${p.kind}`,
    sortText: String(i).padStart(4, '0'),
    range: ctx.range,
    additionalEdits: [setRoot(src, pos.line, isKind ? 'apiVersion' : 'kind', isKind ? p.apiVersion : p.kind)],
  }));
}

/** Whole-resource starters for a document without a kind: `apiVersion`, `kind` and `metadata.name` together. */
function starterProposals(store: SchemaStore, minors: number[], ctx: CursorContext): Proposal[] {
  return kindPairs(store, minors)
    .sort((a, b) => stability(a.apiVersion) - stability(b.apiVersion) || a.kind.localeCompare(b.kind))
    .map((p, i) => ({
      label: `kind: ${p.kind}`,
      kind: 'snippet',
      detail: `apiVersion: ${p.apiVersion}`,
      insertText: `apiVersion: ${p.apiVersion}\nkind: ${p.kind}\nmetadata:\n  name: \${1:name}\n`,
      snippet: true,
      filterText: `${p.kind} ${p.apiVersion}`,
      sortText: `1_${String(i).padStart(4, '0')}`,
      range: ctx.range,
    }));
}

function namespaceOfDocument(src: LineSource, line: number, fallback: string): string {
  for (let l = line; l >= 0 && !/^(---|\.\.\.)(\s|$)/.test(src.lineAt(l)); l--) {
    const m = /^\s{2}namespace:\s*["']?([\w.-]+)|^metadata:\s*\{.*\bnamespace:\s*["']?([\w.-]+)/.exec(src.lineAt(l));
    if (m) return m[1] ?? m[2];
  }
  for (let l = line + 1; l < src.lineCount && !/^(---|\.\.\.)(\s|$)/.test(src.lineAt(l)); l++) {
    const m = /^\s{2}namespace:\s*["']?([\w.-]+)|^metadata:\s*\{.*\bnamespace:\s*["']?([\w.-]+)/.exec(src.lineAt(l));
    if (m) return m[1] ?? m[2];
  }
  return fallback;
}

/**
 * Completion in a Kubernetes manifest: schema keys and values of the document's kind through the target
 * window, apiVersion/kind pairs, Kubernetes conventions and names from the workspace index.
 */
export function complete(file: YamlFile, pos: Position, settings: EditingSettings, env: EditingEnv = {}): Proposal[] {
  const store = env.store ?? defaultSchemaStore();
  if (file.limited && !documentAt(file, pos)) return [];
  const src = fileLines(file, pos);
  const ctx = cursorContext(src, pos);
  if (!ctx || !store) return [];
  const w = settings.kubernetes;
  const minors = windowMinors(store, w);
  const resource = documentAt(file, pos)?.doc.resources[0];
  const { apiVersion, kind } = resource ? resource : documentKind(src, pos.line);
  const root = ctx.path.length === 0;
  if (root && ctx.mode === 'value' && (ctx.key === 'kind' || ctx.key === 'apiVersion')) return pairProposals(store, minors, src, ctx, pos, settings.locale);
  const out: Proposal[] = [];
  if (root && ctx.mode === 'key' && !kind) out.push(...starterProposals(store, minors, ctx));
  if (apiVersion && kind) {
    if (ctx.mode === 'value') {
      const field = fieldFor(store, apiVersion, kind, [...ctx.path, ctx.key!], w);
      if (field) out.push(...valueProposals(store, field, ctx));
    } else {
      const field = fieldFor(store, apiVersion, kind, ctx.path, w);
      if (field?.node.kind() === 'object') out.push(...keyProposals(store, field, ctx, w, settings.locale, root));
      else if (field && ctx.mode === 'item') out.push(...valueProposals(store, field, ctx));
    }
  }
  out.push(...conventionProposals(ctx, kind, settings.locale));
  if (env.index) {
    let own: IndexedResource[] | undefined;
    const place = { kind, namespace: resource ? resource.namespace ?? settings.defaultNamespace : namespaceOfDocument(src, pos.line, settings.defaultNamespace), uri: env.uri, own: () => (own ??= extractResources(env.uri ?? '', file)) };
    out.push(...workspaceProposals(env.index, place, ctx, settings.locale));
  }
  const seen = new Set<string>();
  return out.filter((p) => !seen.has(p.label) && seen.add(p.label));
}
