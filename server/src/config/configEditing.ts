import { LineIndex } from '../model/lines';
import type { Locale, Position, Range } from '../model/types';
import { ruleDocsUrl } from '../rules/docs';
import { profileLevel } from '../rules/levels';
import { allRules, getRule } from '../rules/registry';
import { PROFILES } from '../rules/types';

/** A completion proposal for `.kws.yaml`; the LSP layer turns it into a CompletionItem. */
export interface ConfigCompletion {
  label: string;
  kind: 'property' | 'value';
  detail?: string;
  documentation?: string;
  insertText: string;
}

/** Hover text for `.kws.yaml` (Markdown) and the range it explains. */
export interface ConfigHover {
  markdown: string;
  range: Range;
}

const LEVELS = ['error', 'warning', 'info', 'hint', 'off'];
const VERSIONS = Array.from({ length: 9 }, (_, i) => `"1.${26 + i}"`);

const KEYS: Record<string, { en: string; 'zh-CN': string }> = {
  profile: { en: 'The rule set: production, baseline, restricted or minimal.', 'zh-CN': '规则集：production、baseline、restricted 或 minimal。' },
  kubernetes: { en: 'The Kubernetes versions the manifests must work on (minVersion, maxVersion).', 'zh-CN': '清单必须支持的 Kubernetes 版本（minVersion、maxVersion）。' },
  templates: { en: 'How Helm/Go template files are treated: ignore or bestEffort.', 'zh-CN': 'Helm/Go 模板文件的处理方式：ignore 或 bestEffort。' },
  defaultNamespace: { en: 'Namespace of resources that set none.', 'zh-CN': '未设置命名空间的资源所属的命名空间。' },
  exclude: { en: 'Glob patterns of files to leave out.', 'zh-CN': '要排除的文件的 glob 模式。' },
  rules: { en: 'Severity or {severity, options} per rule id.', 'zh-CN': '按规则 ID 设置严重级别或 {severity, options}。' },
};

/** Where the cursor is in `.kws.yaml`: the parent keys, and whether a key or a value is being written. */
function contextAt(text: string, pos: Position): { path: string[]; mode: 'key' | 'value'; key?: string } {
  const lines = new LineIndex(text);
  const line = lines.lineText(pos.line).slice(0, pos.character);
  const valueMatch = /^(\s*)([\w.-]+):\s+(\S*)$/.exec(line);
  const indent = valueMatch ? valueMatch[1].length : /^\s*/.exec(line)![0].length;
  const path: string[] = [];
  let limit = indent;
  for (let l = pos.line - 1; l >= 0 && limit > 0; l--) {
    const m = /^(\s*)([\w.-]+):\s*(#.*)?$/.exec(lines.lineText(l));
    if (m && m[1].length < limit) {
      path.unshift(m[2]);
      limit = m[1].length;
    }
  }
  return valueMatch ? { path, mode: 'value', key: valueMatch[2] } : { path, mode: 'key' };
}

/** Completion in `.kws.yaml`: its keys, profiles, versions, rule ids and levels. */
export function configCompletions(text: string, pos: Position, locale: Locale): ConfigCompletion[] {
  const ctx = contextAt(text, pos);
  const values = (list: string[]) => list.map((v): ConfigCompletion => ({ label: v, kind: 'value', insertText: v }));
  if (ctx.mode === 'value') {
    const where = [...ctx.path, ctx.key].join('.');
    if (where === 'profile') return values([...PROFILES]);
    if (where === 'templates') return values(['ignore', 'bestEffort']);
    if (where === 'kubernetes.minVersion' || where === 'kubernetes.maxVersion') return values(VERSIONS);
    if ((ctx.path.length === 1 && ctx.path[0] === 'rules') || (ctx.path[0] === 'rules' && ctx.key === 'severity')) return values(LEVELS);
    return [];
  }
  if (!ctx.path.length) {
    return Object.entries(KEYS).map(([k, d]) => ({ label: k, kind: 'property', documentation: d[locale], insertText: `${k}: ` }));
  }
  if (ctx.path.join('.') === 'kubernetes') return ['minVersion', 'maxVersion'].map((k) => ({ label: k, kind: 'property', insertText: `${k}: ` }));
  if (ctx.path.join('.') === 'rules') {
    return allRules().map((r) => ({
      label: r.id,
      kind: 'property',
      detail: r.title[locale],
      documentation: `${r.category} · ${r.severity} · ${ruleDocsUrl(r.id, locale)}`,
      insertText: `${r.id}: `,
    }));
  }
  if (ctx.path.length === 2 && ctx.path[0] === 'rules') return ['severity', 'options'].map((k) => ({ label: k, kind: 'property', insertText: `${k}: ` }));
  return [];
}

/** Hover in `.kws.yaml`: what a top-level key means, or a rule's title, levels per profile and docs. */
export function configHover(text: string, pos: Position, locale: Locale): ConfigHover | undefined {
  const lines = new LineIndex(text);
  const lineText = lines.lineText(pos.line);
  const re = /[\w.-]+/g;
  for (let m = re.exec(lineText); m; m = re.exec(lineText)) {
    if (pos.character < m.index || pos.character > m.index + m[0].length) continue;
    const range = { start: { line: pos.line, character: m.index }, end: { line: pos.line, character: m.index + m[0].length } };
    const rule = getRule(m[0]);
    if (rule) {
      const levels = PROFILES.map((p) => `\`${p}\`: ${profileLevel(rule, p)}`).join(' · ');
      return { markdown: `**${rule.id}** — ${rule.title[locale]}\n\n${levels}\n\n[${locale === 'zh-CN' ? '规则文档' : 'Rule docs'}](${ruleDocsUrl(rule.id, locale)})`, range };
    }
    const key = KEYS[m[0]];
    if (key && /^[\w.-]+:/.test(lineText.slice(m.index))) return { markdown: `**${m[0]}** — ${key[locale]}`, range };
  }
  return undefined;
}
