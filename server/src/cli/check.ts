import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { listYamlFiles, readYamlFile } from '../index/scan';
import { decodeBytes, type DecodedText } from '../model/decode';
import type { LineIndex } from '../model/lines';
import { atLeast, type Severity } from '../model/types';
import { parseYamlFile, type YamlFile } from '../model/yamlFile';
import { readErrorRule } from '../rules/yamlRules';
import { WorkspaceCrdCatalog } from '../schema/crdCatalog';
import { extractResources } from '../index/extract';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { analyzeFile } from '../service/analyze';
import type { AnalysisEnv } from '../service/env';
import type { Finding } from '../service/finding';
import { format } from '../service/messages';
import { DEFAULT_SETTINGS, type Settings } from '../service/settings';

/** Like the editor's workspace index, a file over the analysis limits still counts for other files up to this size. */
const INDEX_MAX_FILE_SIZE = 5 * 1024 * 1024;

/** One file's part of the JSON report (contract `version: 1`). */
export interface FileReport {
  path: string;
  documents: number;
  findings: Finding[];
}

/** The JSON report of `kws check` (contract `version: 1`; later versions only add fields). */
export interface CheckReport {
  version: 1;
  files: FileReport[];
  summary: { files: number; documents: number; findings: Record<Severity, number> };
}

/** A report plus what the text formatter needs and whether any input could not be read. */
export interface CheckRun {
  report: CheckReport;
  lines: Map<string, LineIndex>;
  ioErrors: number;
}

/** Where the input comes from: paths (files or directories) or `-` for standard input. */
export interface CheckInput {
  paths: string[];
  settings: Settings;
  readStdin: () => Promise<Uint8Array>;
}

/** Checks every YAML file named or found below the named directories; unreadable files are reported and the rest go on. */
export async function runCheck(input: CheckInput): Promise<CheckRun> {
  const run: CheckRun = { report: { version: 1, files: [], summary: { files: 0, documents: 0, findings: { error: 0, warning: 0, info: 0, hint: 0 } } }, lines: new Map(), ioErrors: 0 };
  const inputs: { name: string; read: ReadResult }[] = [];
  for (const p of input.paths) {
    if (p === '-') inputs.push({ name: '-', read: { ok: true, decoded: decodeBytes(await input.readStdin()) } });
    else for (const file of await expand(p, input.settings)) inputs.push({ name: file, read: await readYamlFile(file) });
  }
  const crds = new WorkspaceCrdCatalog();
  const parsed = inputs.map(({ name, read }) => ({ name, read, file: read.ok ? parseYamlFile(read.decoded.text, { templates: input.settings.templates, limits: input.settings.limits }) : undefined }));
  const index = new WorkspaceIndex(input.settings.defaultNamespace);
  for (const { name, read, file } of parsed) {
    if (!file || !read.ok) continue;
    const whole = file.limited && read.decoded.text.length <= INDEX_MAX_FILE_SIZE ? parseYamlFile(read.decoded.text, { templates: input.settings.templates }) : file;
    crds.setFile(name, whole);
    index.setFile(name, extractResources(name, whole));
  }
  for (const { name, read, file } of parsed) addFile(run, name, read, file, input.settings, { crds, index, uri: name });
  const s = run.report.summary;
  s.files = run.report.files.length;
  for (const f of run.report.files) {
    s.documents += f.documents;
    for (const x of f.findings) s.findings[x.severity]++;
  }
  return run;
}

async function expand(p: string, settings: Settings): Promise<string[]> {
  const stat = await fs.stat(p).catch(() => undefined);
  if (!stat?.isDirectory()) return [p];
  return listYamlFiles(path.resolve(p), settings.exclude.length ? settings.exclude : DEFAULT_SETTINGS.exclude).then((files) =>
    files.map((f) => path.relative(process.cwd(), f) || f),
  );
}

type ReadResult = { ok: true; decoded: DecodedText } | { ok: false; error: string };

function addFile(run: CheckRun, name: string, read: ReadResult, file: YamlFile | undefined, settings: Settings, env: AnalysisEnv): void {
  if (!read.ok || !file) {
    run.ioErrors++;
    const zero = { line: 0, character: 0 };
    const message = format(readErrorRule.messages.default, settings.locale, { reason: read.ok ? '' : read.error });
    run.report.files.push({ path: name, documents: 0, findings: [{ ruleId: readErrorRule.id, severity: 'error', message, range: { start: zero, end: zero }, document: 0, resource: null, fixes: [] }] });
    return;
  }
  run.lines.set(name, file.lines());
  run.report.files.push({ path: name, documents: file.documents.length, findings: analyzeFile(file, settings, undefined, read.decoded, env) });
}

/** The exit code for a run: 2 on I/O errors, 1 when a finding is at or above `failOn`, else 0. */
export function exitCode(run: CheckRun, failOn: Severity): number {
  if (run.ioErrors) return 2;
  const f = run.report.summary.findings;
  return (Object.keys(f) as Severity[]).some((sev) => f[sev] > 0 && atLeast(sev, failOn)) ? 1 : 0;
}

/** Adds the findings of an invalid `.kws.yaml` to the report as a file of its own. */
export function addConfigReport(run: CheckRun, name: string, findings: Finding[]): void {
  run.report.files.unshift({ path: name, documents: 1, findings });
  run.report.summary.files++;
  run.report.summary.documents++;
  for (const f of findings) run.report.summary.findings[f.severity]++;
}
