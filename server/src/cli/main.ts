import { allRules } from '../rules/registry';
import { ruleDocsUrl } from '../rules/docs';
import { toLocale, type Locale } from '../model/types';
import * as path from 'node:path';
import { addConfigReport, exitCode, runCheck } from './check';
import { cliSettings } from './config';
import { toSarif } from './format/sarif';
import { parseCheckArgs, UsageError } from './args';
import { formatText } from './format/text';
import { fixCommand } from './fix';

const USAGE = `Usage:
  kws check [--format text|json|sarif] [--k8s-versions MIN-MAX] [--fail-on error|warning|info]
            [--profile production|baseline|restricted|minimal] [--config .kws.yaml]
            [--templates ignore|bestEffort] [--lang en|zh-CN] [paths… | -]
  kws fix [--dry-run] [--rule id…] [check options] [paths…]
  kws rules [--lang en|zh-CN]
  kws --version

Exit codes: 0 nothing at or above --fail-on (default error), 1 findings at or above it, 2 usage or I/O error.
`;

/** Output streams and input, so tests can run the CLI in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<Uint8Array>;
  env: Record<string, string | undefined>;
  /** Working directory: where `.kws.yaml` is looked for and paths are shown relative to. */
  cwd: string;
}

/** Runs the CLI and resolves to its exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === '--version' || command === '-v') {
      io.stdout('0.1.0\n');
      return 0;
    }
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === 'rules') return listRules(rest, io);
    if (command === 'fix') return await fixCommand(rest, io);
    if (command !== 'check') throw new UsageError(`unknown command ${command}; try kws --help`);
    const args = parseCheckArgs(rest);
    const locale = args.lang ?? envLocale(io.env);
    const { settings, configPath, configFindings } = await cliSettings(args, locale, io.cwd);
    const run = await runCheck({ paths: args.paths, settings, readStdin: io.readStdin });
    if (configPath && configFindings.length) addConfigReport(run, path.relative(io.cwd, configPath) || configPath, configFindings);
    io.stdout(args.format === 'json' ? JSON.stringify(run.report) + '\n' : args.format === 'sarif' ? JSON.stringify(toSarif(run.report, locale)) + '\n' : formatText(run, locale));
    for (const f of run.report.files) {
      for (const x of f.findings) if (x.ruleId === 'read-error') io.stderr(`kws: ${f.path}: ${x.message}\n`);
    }
    return exitCode(run, args.failOn);
  } catch (e) {
    io.stderr(`kws: ${e instanceof UsageError ? e.message : String((e as Error)?.message ?? e)}\n`);
    return 2;
  }
}

function listRules(argv: string[], io: CliIo): number {
  const langAt = argv.indexOf('--lang');
  const locale: Locale = langAt !== -1 ? toLocale(argv[langAt + 1]) : envLocale(io.env);
  for (const r of allRules()) io.stdout(`${r.id.padEnd(40)} ${r.severity.padEnd(8)} ${r.title[locale]}  ${ruleDocsUrl(r.id, locale)}\n`);
  return 0;
}

/** The CLI language from the environment (LC_ALL, LC_MESSAGES, LANG). */
export function envLocale(env: Record<string, string | undefined>): Locale {
  return toLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}
