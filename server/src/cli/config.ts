import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE, parseKwsConfig, settingsWithConfig } from '../config/kwsConfig';
import type { Locale } from '../model/types';
import type { Finding } from '../service/finding';
import type { Settings } from '../service/settings';
import type { CheckArgs } from './args';

/** The settings of a CLI run and the `.kws.yaml` they came from. */
export interface CliSettings {
  settings: Settings;
  configPath?: string;
  configFindings: Finding[];
}

/** Finds `.kws.yaml` in the working directory or its parents, stopping at a repository root. */
export function findConfig(start: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    if (existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) return undefined;
  }
}

/** Builds the run's settings: defaults, then `.kws.yaml`, then the command-line options. */
export async function cliSettings(args: CheckArgs, locale: Locale, cwd: string): Promise<CliSettings> {
  const configPath = args.config ?? findConfig(cwd);
  let value: Record<string, unknown> = {};
  let configFindings: Finding[] = [];
  if (configPath) {
    const text = await fs.readFile(configPath, 'utf8');
    ({ value, findings: configFindings } = parseKwsConfig(text, locale));
  }
  const settings = settingsWithConfig(value, locale, { profile: args.profile, templates: args.templates, kubernetes: args.versions });
  return { settings, configPath, configFindings };
}
