import { sameRange, type Range } from '../model/types';
import { parseYamlFile, type YamlFile } from '../model/yamlFile';
import { getFix, type FixDefinition } from '../rules/fixes';
import { analyzeFile } from '../service/analyze';
import type { AnalysisEnv } from '../service/env';
import type { Finding } from '../service/finding';
import type { Settings } from '../service/settings';
import { applyEdits, DocumentEditor, type Edit } from './edits';
import { fixBuilder } from './registry';
import { scopeKey, scopeOf } from './scope';
import { detectStyle } from './style';

/** Where a diagnostic said a finding was: enough to find it again, never its message. */
export interface FindingRef {
  ruleId: string;
  document: number;
  range: Range;
}

/** A fix rebuilt for a finding of the current text. */
export interface BuiltFix {
  fix: FixDefinition;
  finding: Finding;
  edits: Edit[];
}

/** The findings of the current text that a diagnostic refers to (same rule, document and range). */
export function findAgain(findings: readonly Finding[], ref: FindingRef): Finding | undefined {
  return findings.find((f) => f.ruleId === ref.ruleId && f.document === ref.document && sameRange(f.range, ref.range));
}

function problemCount(file: YamlFile): number {
  return file.documents.reduce((n, d) => n + d.doc.problems.length, 0);
}

/** Builds one fix for a finding of `file`, or undefined when it does not apply or its result would not parse as cleanly. */
export function buildFix(file: YamlFile, finding: Finding, fixId: string, settings: Settings, env: AnalysisEnv): BuiltFix | undefined {
  const fix = getFix(fixId);
  const builder = fixBuilder(fixId);
  if (!fix || !builder || file.template || !finding.fixes.includes(fixId)) return undefined;
  const scope = scopeOf(file, finding);
  if (!scope) return undefined;
  const editor = new DocumentEditor(file, scope.placed, detectStyle(file.text));
  let edits: Edit[] | undefined;
  try {
    edits = builder({ file, finding, scope, editor, env, settings });
    if (!edits?.length) return undefined;
    const after = parseYamlFile(applyEdits(file.text, edits), { templates: settings.templates }, file);
    if (problemCount(after) > problemCount(file)) return undefined;
  } catch {
    return undefined;
  }
  return { fix, finding, edits };
}

/** Every fix the engine can build for each finding, in the order the rule declares them. */
export function fixesForFinding(file: YamlFile, finding: Finding, settings: Settings, env: AnalysisEnv): BuiltFix[] {
  return finding.fixes.map((id) => buildFix(file, finding, id, settings, env)).filter((f): f is BuiltFix => !!f);
}

/** Options of a fix-all run. */
export interface FixAllOptions {
  settings: Settings;
  /** The analysis environment for a version of the text (the CLI re-indexes it). */
  envFor: (file: YamlFile) => AnalysisEnv;
  /** Only fixes of these rules. */
  rules?: ReadonlySet<string>;
  /** Stop after this many fixes (a guard; default 500). */
  limit?: number;
}

/** The result of a fix-all run: the new text and what was applied. */
export interface FixAllResult {
  text: string;
  /** Each fix applied, with the scope key (rule, resource, container) of the finding it fixed. */
  applied: { ruleId: string; fixId: string; scope: string }[];
}

/**
 * Applies every safe fix to a text, one at a time, analysing again after each, so later fixes see
 * the earlier ones; each fix is applied at most once per rule, resource and container.
 */
export function fixAll(text: string, options: FixAllOptions): FixAllResult {
  const { settings } = options;
  const done = new Set<string>();
  const applied: FixAllResult['applied'] = [];
  let file = parseYamlFile(text, { templates: settings.templates });
  for (let round = 0; round < (options.limit ?? 500) && !file.template; round++) {
    const env = options.envFor(file);
    const next = nextSafeFix(file, options, env, done);
    if (!next) break;
    applied.push({ ruleId: next.finding.ruleId, fixId: next.fix.id, scope: scopeKey(next.finding.ruleId, scopeOf(file, next.finding)) });
    file = parseYamlFile(applyEdits(file.text, next.edits), { templates: settings.templates }, file);
  }
  return { text: file.text, applied };
}

function nextSafeFix(file: YamlFile, options: FixAllOptions, env: AnalysisEnv, done: Set<string>): BuiltFix | undefined {
  for (const finding of analyzeFile(file, options.settings, undefined, undefined, env)) {
    if (options.rules && !options.rules.has(finding.ruleId)) continue;
    for (const id of finding.fixes) {
      if (!getFix(id)?.safe || !fixBuilder(id)) continue;
      const key = `${id}|${scopeKey(finding.ruleId, scopeOf(file, finding))}`;
      if (done.has(key)) continue;
      done.add(key);
      const built = buildFix(file, finding, id, options.settings, env);
      if (built) return built;
    }
  }
  return undefined;
}
