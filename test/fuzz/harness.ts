import { complete } from '../../server/src/completion/complete';
import { disableLineEdits, disableResourceEdits } from '../../server/src/fixes/disable';
import { applyEdits, type Edit } from '../../server/src/fixes/edits';
import { fixAll, fixesForFinding } from '../../server/src/fixes/engine';
import { hover } from '../../server/src/hover/hover';
import { extractResources } from '../../server/src/index/extract';
import { WorkspaceIndex } from '../../server/src/index/workspaceIndex';
import { decodeBytes, type DecodedText } from '../../server/src/model/decode';
import type { Position } from '../../server/src/model/types';
import { parseYamlFile, type YamlFile } from '../../server/src/model/yamlFile';
import { analyzeFile } from '../../server/src/service/analyze';
import type { Finding } from '../../server/src/service/finding';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/service/settings';

/**
 * The hang guard of one case: the "answered within 2 s", measured in CPU time of this process, so that
 * other processes competing for the machine's cores do not fail it (wall time is reported beside it).
 */
export const CASE_BUDGET_MS = 2_000;

/** One input run through the language service as the editor would. */
export interface CaseInput {
  /** The file's text, or its raw bytes (decoded as the CLI and the index decode them). */
  text?: string;
  bytes?: Uint8Array;
  settings?: Settings;
  /** Where completion and hover are asked; `count` random positions are drawn from `random` as well. */
  positions?: Position[];
  random?: { next: () => number; count: number };
  /** How many findings get their quick-fixes and disable actions built (default 5). */
  fixFindings?: number;
  /** Also run fix-all, as a code action request without `only` does (small inputs only). */
  fixAll?: boolean;
}

/** What one case produced, and every way it failed. */
export interface CaseOutcome {
  file?: YamlFile;
  findings: Finding[];
  proposals: number;
  hovers: number;
  edits: number;
  elapsedMs: number;
  /** CPU time (user + system) the case used; the guard applies to it. */
  cpuMs: number;
  failures: string[];
}

/**
 * Runs parse → analysis (with a workspace index of the file, so cross-document rules run) → completion
 * and hover at the given and random positions → quick-fixes and disable actions of the first findings.
 * Exceptions, edits outside the text or that cannot be applied, and a run over the budget are failures.
 */
export function runCase(input: CaseInput): CaseOutcome {
  const out: CaseOutcome = { findings: [], proposals: 0, hovers: 0, edits: 0, elapsedMs: 0, cpuMs: 0, failures: [] };
  const started = performance.now();
  const cpu = process.cpuUsage();
  const settings = input.settings ?? DEFAULT_SETTINGS;
  const step = <T>(name: string, fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (e) {
      out.failures.push(`${name} threw: ${e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 4).join(' | ') : String(e)}`);
      return undefined;
    }
  };
  const decoded: DecodedText | undefined = input.bytes ? step('decode', () => decodeBytes(input.bytes!)) : undefined;
  const text = decoded?.text ?? input.text ?? '';
  const file = step('parse', () => parseYamlFile(text, { templates: settings.templates, limits: settings.limits }));
  out.file = file;
  if (file) {
    const uri = 'file:///fuzz/case.yaml';
    const index = new WorkspaceIndex(settings.defaultNamespace);
    step('index', () => index.setFile(uri, extractResources(uri, file)));
    const env = { index, uri };
    out.findings = step('analyze', () => analyzeFile(file, settings, undefined, decoded, env)) ?? [];
    const positions = [...(input.positions ?? [])];
    const lines = step('lines', () => file.lines());
    if (input.random && lines) {
      for (let i = 0; i < input.random.count; i++) {
        const line = Math.floor(input.random.next() * lines.lineCount);
        positions.push({ line, character: Math.floor(input.random.next() * (lines.lineText(line).length + 2)) });
      }
    }
    for (const pos of positions) {
      out.proposals += step(`complete ${pos.line}:${pos.character}`, () => complete(file, pos, settings, env).length) ?? 0;
      out.hovers += step(`hover ${pos.line}:${pos.character}`, () => (hover(file, pos, settings, env) ? 1 : 0)) ?? 0;
    }
    const picked = pickFindings(out.findings, input.fixFindings ?? 5, input.random?.next);
    for (const finding of picked) {
      const label = `${finding.ruleId}@${finding.range.start.line}:${finding.range.start.character}`;
      for (const built of step(`fixes ${label}`, () => fixesForFinding(file, finding, settings, env)) ?? []) {
        if (!checkEdits(out, text, built.edits, `fix ${built.fix.id} for ${label}`)) continue;
        const fixed = applyEdits(text, built.edits);
        step(`analyze after fix ${built.fix.id} for ${label}`, () => analyzeFile(parseYamlFile(fixed, { templates: settings.templates, limits: settings.limits }), settings));
      }
      if (finding.document < file.documents.length) checkEdits(out, text, step(`disable-line ${label}`, () => disableLineEdits(file, finding)), `disable-line ${label}`);
      checkEdits(out, text, step(`disable-resource ${label}`, () => disableResourceEdits(file, finding)), `disable-resource ${label}`);
    }
    if (input.fixAll && !file.limited && !file.template) {
      const all = step('fixAll', () => fixAll(text, { settings, envFor: () => env }));
      if (all && typeof all.text !== 'string') out.failures.push('fixAll returned no text');
    }
  }
  out.elapsedMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  out.cpuMs = (used.user + used.system) / 1000;
  if (out.cpuMs > CASE_BUDGET_MS) out.failures.push(`took ${Math.round(out.cpuMs)} ms of CPU, ${Math.round(out.elapsedMs)} ms wall (budget ${CASE_BUDGET_MS} ms)`);
  return out;
}

function pickFindings(findings: Finding[], n: number, next?: () => number): Finding[] {
  if (!next || findings.length <= n) return findings.slice(0, n);
  return Array.from({ length: n }, () => findings[Math.floor(next() * findings.length)]);
}

/** What is wrong with a set of edits: any `[start, end)` outside the text, or edits that overlap. */
export function editProblems(text: string, edits: readonly Edit[]): string[] {
  const problems: string[] = [];
  for (const e of edits) {
    const ok = Number.isInteger(e.start) && Number.isInteger(e.end) && 0 <= e.start && e.start <= e.end && e.end <= text.length && typeof e.text === 'string';
    if (!ok) problems.push(`edit [${e.start}, ${e.end}) outside the text of ${text.length} characters`);
  }
  if (problems.length) return problems;
  try {
    applyEdits(text, edits);
  } catch (e) {
    problems.push(`edits do not apply (${(e as Error).message})`);
  }
  return problems;
}

function checkEdits(out: CaseOutcome, text: string, edits: readonly Edit[] | undefined, label: string): boolean {
  if (!edits) return false;
  out.edits += edits.length;
  const problems = editProblems(text, edits);
  for (const p of problems) out.failures.push(`${label}: ${p}`);
  return !problems.length;
}
