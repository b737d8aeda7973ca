import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { extractResources } from '../index/extract';
import { listYamlFiles, readYamlFile } from '../index/scan';
import { WorkspaceIndex } from '../index/workspaceIndex';
import type { Locale } from '../model/types';
import { wholeFileLimit } from '../model/limits';
import { parseYamlFile } from '../model/yamlFile';
import { WorkspaceCrdCatalog } from '../schema/crdCatalog';
import { unifiedDiff } from '../fixes/diff';
import { fixAll } from '../fixes/engine';
import { DEFAULT_SETTINGS, type Settings } from '../service/settings';
import { parseCheckArgs, UsageError } from './args';
import { exitCode, runCheck } from './check';
import { cliSettings } from './config';
import { envLocale, type CliIo } from './main';

/** `kws fix` options beyond those it shares with `check`. */
export interface FixArgs {
  dryRun: boolean;
  rules: string[];
  /** The remaining arguments, parsed as `check`'s. */
  rest: string[];
}

/** Takes `--dry-run` and `--rule id` (repeatable, or comma-separated) out of the arguments. */
export function parseFixArgs(argv: string[]): FixArgs {
  const out: FixArgs = { dryRun: false, rules: [], rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--dry-run') out.dryRun = true;
    else if (arg === '--rule' || arg.startsWith('--rule=')) {
      const value = arg === '--rule' ? argv[++i] : arg.slice('--rule='.length);
      if (!value) throw new UsageError('--rule needs a rule id');
      out.rules.push(...value.split(',').filter(Boolean));
    } else out.rest.push(arg);
  }
  return out;
}

/** What a fix run did. */
export interface FixRun {
  /** Files changed (or that would change, with --dry-run), with the fixes applied to each. */
  changed: { path: string; fixes: number }[];
  /** The unified diff of every change (filled with --dry-run). */
  diff: string;
  ioErrors: number;
}

const MESSAGES = {
  fixed: { en: 'Fixed {n} problem(s) in {files} file(s)', 'zh-CN': '已修复 {files} 个文件中的 {n} 个问题' },
  encoding: { en: 'not rewritten: only UTF-8 files are fixed in place', 'zh-CN': '未改写：只会原地修复 UTF-8 文件' },
  limits: { en: 'not rewritten: the file is over a size limit (limits.maxFileSize or limits.maxLines)', 'zh-CN': '未改写：文件超出大小限制（limits.maxFileSize 或 limits.maxLines）' },
};

/** A `kws fix` message in the run's language. */
export function fixMessage(key: keyof typeof MESSAGES, locale: Locale, args: Record<string, string | number> = {}): string {
  return MESSAGES[key][locale].replace(/\{(\w+)\}/g, (_, k: string) => String(args[k] ?? ''));
}

/** Applies the safe fixes to every YAML file under the paths (in place, or as a diff with `dryRun`). */
export async function runFix(paths: string[], settings: Settings, options: { dryRun: boolean; rules: string[]; cwd: string; stderr: (t: string) => void }): Promise<FixRun> {
  const run: FixRun = { changed: [], diff: '', ioErrors: 0 };
  const files: string[] = [];
  for (const p of paths) {
    if (p === '-') throw new UsageError('kws fix needs file or directory paths, not -');
    const stat = await fs.stat(p).catch(() => undefined);
    if (stat?.isDirectory()) files.push(...(await listYamlFiles(path.resolve(p), settings.exclude.length ? settings.exclude : DEFAULT_SETTINGS.exclude)));
    else files.push(p);
  }
  const crds = new WorkspaceCrdCatalog();
  const index = new WorkspaceIndex(settings.defaultNamespace);
  const inputs: { name: string; text: string; bom: boolean }[] = [];
  for (const file of files) {
    const read = await readYamlFile(file);
    if (!read.ok) {
      run.ioErrors++;
      options.stderr(`kws: ${file}: ${read.error}\n`);
      continue;
    }
    const name = path.relative(options.cwd, path.resolve(file)) || file;
    if (read.decoded.encoding !== 'utf-8' || read.decoded.invalidAt !== undefined) {
      options.stderr(`kws: ${name}: ${fixMessage('encoding', settings.locale)}\n`);
      continue;
    }
    const head = await fs.readFile(file).then((b) => b.subarray(0, 3));
    if (wholeFileLimit(read.decoded.text, settings.limits)) {
      options.stderr(`kws: ${name}: ${fixMessage('limits', settings.locale)}\n`);
      continue;
    }
    inputs.push({ name: file, text: read.decoded.text, bom: head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf });
    const model = parseYamlFile(read.decoded.text, { templates: settings.templates, limits: settings.limits });
    crds.setFile(file, model);
    index.setFile(file, extractResources(file, model));
  }
  const rules = options.rules.length ? new Set(options.rules) : undefined;
  for (const input of inputs) {
    const result = fixAll(input.text, {
      settings,
      rules,
      envFor: (model) => {
        index.setFile(input.name, extractResources(input.name, model));
        return { crds, index, uri: input.name };
      },
    });
    if (!result.applied.length || result.text === input.text) continue;
    const shown = path.relative(options.cwd, path.resolve(input.name)) || input.name;
    run.changed.push({ path: shown, fixes: result.applied.length });
    if (options.dryRun) {
      run.diff += unifiedDiff(shown.split(path.sep).join('/'), input.text, result.text);
      index.setFile(input.name, extractResources(input.name, parseYamlFile(input.text, { templates: settings.templates })));
    } else await fs.writeFile(input.name, (input.bom ? '\ufeff' : '') + result.text, 'utf8');
  }
  return run;
}

/** `kws fix`: applies the safe fixes, prints a diff (`--dry-run`) or a summary, and exits as `check` would on the result. */
export async function fixCommand(argv: string[], io: CliIo): Promise<number> {
  const fixArgs = parseFixArgs(argv);
  const args = parseCheckArgs(fixArgs.rest);
  const locale = args.lang ?? envLocale(io.env);
  const { settings } = await cliSettings(args, locale, io.cwd);
  const run = await runFix(args.paths, settings, { dryRun: fixArgs.dryRun, rules: fixArgs.rules, cwd: io.cwd, stderr: io.stderr });
  if (fixArgs.dryRun) io.stdout(run.diff);
  else if (run.changed.length) io.stdout(`${fixMessage('fixed', locale, { n: run.changed.reduce((n, c) => n + c.fixes, 0), files: run.changed.length })}\n`);
  const check = await runCheck({ paths: args.paths, settings, readStdin: io.readStdin });
  return run.ioErrors ? 2 : exitCode(check, args.failOn);
}
