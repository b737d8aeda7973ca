import type { Locale } from '../model/types';
import type { YamlDocument } from '../model/yamlDocument';
import type { DocumentFinding } from '../service/finding';
import { format } from '../service/messages';
import type { TrackedIndex } from '../cross/trackedIndex';
import type { AnalysisEnv } from '../service/env';
import type { Settings } from '../service/settings';
import { createContext, podSpecsOf, type RuleRun } from './context';
import { isOn, ruleLevel, ruleOptions } from './levels';
import type { PodSpecView } from './podSpec';
import { allRules, getRule } from './registry';
import { findSuppressions, isSuppressed } from './suppression';
import { SYNTAX_FALLBACK, SYNTAX_MESSAGES, unusedSuppressionRule } from './yamlRules';

/** When set, a rule that throws fails the analysis instead of being skipped (tests set it). */
export const engineOptions = { rethrow: false };

/**
 * The findings of one YAML document before suppression: with `index`, those of the cross-document
 * rules (which read the index through it); without, its parse problems and every single-resource rule.
 */
export function analyzeDocument(doc: YamlDocument, settings: Settings, env: AnalysisEnv = {}, index?: TrackedIndex): DocumentFinding[] {
  const found: DocumentFinding[] = index ? [] : [...parseFindings(doc, settings)];
  doc.resources.forEach((resource, resourceIndex) => {
    let specs: PodSpecView[] | undefined;
    const podSpecs = () => (specs ??= podSpecsOf(resource, doc));
    const ctx = createContext({ doc, resource, resourceIndex, settings, env, index, out: found, podSpecs });
    for (const active of activeRules(settings, resource.kind, !!index)) {
      ctx.run(active);
      try {
        active.rule.check!(ctx);
      } catch (e) {
        if (engineOptions.rethrow) throw e;
      }
    }
  });
  return found;
}

const activeByKind = new WeakMap<Settings, Map<string, RuleRun[]>>();
const KINDS_KEPT = 256;

/** The rules that check resources of a kind under the settings (the cross-document ones, or the others). */
function activeRules(settings: Settings, kind: string, cross: boolean): RuleRun[] {
  let byKind = activeByKind.get(settings);
  if (!byKind) activeByKind.set(settings, (byKind = new Map()));
  const key = `${cross ? 'cross' : 'own'}/${kind}`;
  let active = byKind.get(key);
  if (!active) {
    active = [];
    for (const rule of allRules()) {
      if (!rule.check || (rule.category === 'cross') !== cross || (rule.kinds && !rule.kinds.includes(kind))) continue;
      const severity = ruleLevel(rule, settings);
      if (isOn(severity)) active.push({ rule, severity, options: ruleOptions(rule, settings) });
    }
    if (byKind.size < KINDS_KEPT) byKind.set(key, active);
  }
  return active;
}

/** Removes what the document's suppressions silence and adds a hint for each suppression that silenced nothing. */
export function applySuppressions(doc: YamlDocument, settings: Settings, found: DocumentFinding[]): DocumentFinding[] {
  const suppressions = findSuppressions(doc);
  if (!suppressions.length) return found;
  const kept = found.filter((f) => !isSuppressed(suppressions, doc, f.ruleId, f.span[0], f.resource === null ? undefined : doc.resources[f.resource]));
  const unusedLevel = ruleLevel(unusedSuppressionRule, settings);
  if (!isOn(unusedLevel)) return kept;
  for (const s of suppressions) {
    for (const id of s.ids) {
      const rule = getRule(id);
      const variant = id === 'all' || rule ? (s.used.has(id) || (rule && !isOn(ruleLevel(rule, settings))) ? undefined : 'default') : 'unknown';
      if (!variant || (id === 'all' && s.used.size)) continue;
      kept.push({
        ruleId: unusedSuppressionRule.id,
        severity: unusedLevel,
        message: format(unusedSuppressionRule.messages[variant], settings.locale, { id }),
        span: s.span,
        resource: null,
        fixes: [],
      });
    }
  }
  return kept;
}

function parseFindings(doc: YamlDocument, settings: Settings): DocumentFinding[] {
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
