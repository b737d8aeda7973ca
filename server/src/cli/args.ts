import type { Locale, Severity } from '../model/types';
import type { TemplateMode } from '../model/templates';
import { PROFILES, type Profile } from '../rules/types';

/** A usage error: the CLI prints its one-line message and exits 2. */
export class UsageError extends Error {}

/** The Kubernetes minors the tool knows. */
export const KNOWN_MINORS = { min: 26, max: 34 };

/** The parsed command line of `kws check`. */
export interface CheckArgs {
  format: 'text' | 'json' | 'sarif';
  failOn: Severity;
  /** Options left unset here come from `.kws.yaml`, then the defaults. */
  versions?: { min: number; max: number };
  templates?: TemplateMode;
  profile?: Profile;
  config?: string;
  lang: Locale | undefined;
  paths: string[];
}

const VALUE_FLAGS = new Set(['--format', '--fail-on', '--k8s-versions', '--templates', '--lang', '--profile', '--config']);

/** Parses `kws check` options; throws UsageError on anything it does not understand. */
export function parseCheckArgs(argv: string[]): CheckArgs {
  const out: CheckArgs = { format: 'text', failOn: 'error', lang: undefined, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq !== -1 ? arg.slice(0, eq) : arg;
    if (VALUE_FLAGS.has(flag)) {
      const value = eq !== -1 && arg.startsWith('--') ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
      applyOption(out, flag, value);
    } else if (arg === '--') {
      out.paths.push(...argv.slice(i + 1));
      break;
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else out.paths.push(arg);
  }
  if (!out.paths.length) out.paths.push('.');
  return out;
}

function applyOption(out: CheckArgs, flag: string, value: string): void {
  switch (flag) {
    case '--format':
      if (value !== 'text' && value !== 'json' && value !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not ${value}`);
      out.format = value;
      break;
    case '--fail-on':
      if (value !== 'error' && value !== 'warning' && value !== 'info') throw new UsageError(`--fail-on must be error, warning or info, not ${value}`);
      out.failOn = value;
      break;
    case '--k8s-versions':
      out.versions = parseVersionWindow(value);
      break;
    case '--templates':
      if (value !== 'ignore' && value !== 'bestEffort') throw new UsageError(`--templates must be ignore or bestEffort, not ${value}`);
      out.templates = value;
      break;
    case '--profile':
      if (!PROFILES.includes(value as Profile)) throw new UsageError(`--profile must be one of ${PROFILES.join(', ')}, not ${value}`);
      out.profile = value as Profile;
      break;
    case '--config':
      out.config = value;
      break;
    case '--lang':
      if (value !== 'en' && value !== 'zh-CN') throw new UsageError(`--lang must be en or zh-CN, not ${value}`);
      out.lang = value;
      break;
  }
}

/** Parses `1.26-1.32` (or one version, meaning both ends) into minors within the known range. */
export function parseVersionWindow(value: string): { min: number; max: number } {
  const m = /^1\.(\d+)(?:-1\.(\d+))?$/.exec(value.trim());
  if (!m) throw new UsageError(`--k8s-versions takes MIN-MAX such as 1.26-1.32, not ${value}`);
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : Number(m[2]);
  if (min > max) throw new UsageError(`--k8s-versions: 1.${min} is above 1.${max}`);
  if (min < KNOWN_MINORS.min || max > KNOWN_MINORS.max) {
    throw new UsageError(`--k8s-versions: supported versions are 1.${KNOWN_MINORS.min} to 1.${KNOWN_MINORS.max}`);
  }
  return { min, max };
}
