import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { URI } from 'vscode-uri';
import type { Connection } from 'vscode-languageserver';
import { CONFIG_FILE, parseKwsConfig, settingsWithConfig, type KwsConfig } from '../config/kwsConfig';
import type { Locale } from '../model/types';
import { explicitSettings, type Settings } from '../service/settings';

/** The configuration section the extension contributes. */
export const SECTION = 'workloadStudio';

/**
 * Settings per document: the defaults, then the workspace folder's `.kws.yaml`, then the editor's
 * explicit `workloadStudio.*` settings (from `workspace/configuration`, or initialization options).
 */
export class SettingsProvider {
  private readonly cache = new Map<string, Promise<Settings>>();
  private readonly configs = new Map<string, KwsConfig>();
  private pushed: unknown;
  private filesExclude: string[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly locale: Locale,
    private readonly canPull: boolean,
    initial: unknown,
    private readonly folders: () => string[],
    private readonly openText: (uri: string) => string | undefined,
  ) {
    this.pushed = initial;
  }

  /** Settings for a document (or the first workspace folder when no URI is given). */
  get(uri?: string): Promise<Settings> {
    const key = uri ?? '';
    let p = this.cache.get(key);
    if (!p) {
      p = this.editorSettings(uri).then((editor) => settingsWithConfig(this.configFor(uri).value, this.locale, explicitSettings(editor)));
      this.cache.set(key, p);
    }
    return p;
  }

  /** The `.kws.yaml` that applies to a document: its workspace folder's (empty when there is none). */
  configFor(uri?: string): KwsConfig {
    const folder = this.folderOf(uri);
    if (!folder) return { value: {}, findings: [] };
    const file = path.join(folder, CONFIG_FILE);
    let config = this.configs.get(file);
    if (!config) {
      const text = this.openText(URI.file(file).toString()) ?? readOrEmpty(file);
      config = parseKwsConfig(text, this.locale);
      this.configs.set(file, config);
    }
    return config;
  }

  /** True when a URI is a `.kws.yaml` file. */
  static isConfigFile(uri: string): boolean {
    return uri.endsWith(`/${CONFIG_FILE}`);
  }

  /** The `files.exclude` globs whose value is true. */
  async filesExcludeGlobs(): Promise<string[]> {
    if (!this.canPull) return this.filesExclude;
    const raw = (await this.connection.workspace.getConfiguration({ section: 'files.exclude' }).catch(() => ({}))) as Record<string, unknown>;
    this.filesExclude = Object.entries(raw ?? {})
      .filter(([, on]) => on === true)
      .map(([glob]) => glob);
    return this.filesExclude;
  }

  /** Forgets cached settings; `pushed` is the value a client sent with didChangeConfiguration, if any. */
  reset(pushed?: unknown): void {
    this.cache.clear();
    if (pushed !== undefined && pushed !== null) this.pushed = pushed;
  }

  /** Forgets the cached `.kws.yaml` files (after they changed on disk or in the editor). */
  resetConfigFiles(): void {
    this.configs.clear();
    this.cache.clear();
  }

  private editorSettings(uri?: string): Promise<unknown> {
    if (!this.canPull) return Promise.resolve(this.pushed);
    return this.connection.workspace
      .getConfiguration(uri ? { scopeUri: uri, section: SECTION } : { section: SECTION })
      .then((v: unknown) => v, () => ({}));
  }

  private folderOf(uri?: string): string | undefined {
    const folders = this.folders();
    if (!uri) return folders[0];
    const file = URI.parse(uri);
    if (file.scheme !== 'file') return folders[0];
    return folders.filter((f) => file.fsPath === f || file.fsPath.startsWith(f + path.sep)).sort((a, b) => b.length - a.length)[0] ?? folders[0];
  }
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
