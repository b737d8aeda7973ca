import type { Connection } from 'vscode-languageserver';
import type { Locale } from '../model/types';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '../service/settings';

/** The configuration section the extension contributes. */
export const SECTION = 'workloadStudio';

/** Fetches settings per document with `workspace/configuration`, caching until the client says they changed. */
export class SettingsProvider {
  private readonly cache = new Map<string, Promise<Settings>>();
  private globalSettings: Settings;
  private filesExclude: string[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly locale: Locale,
    private readonly canPull: boolean,
    initial: unknown,
  ) {
    this.globalSettings = normalizeSettings(initial, locale);
  }

  /** Settings for a document (or the workspace when no URI is given). */
  get(uri?: string): Promise<Settings> {
    if (!this.canPull) return Promise.resolve(this.globalSettings);
    const key = uri ?? '';
    let p = this.cache.get(key);
    if (!p) {
      p = this.connection.workspace
        .getConfiguration(uri ? { scopeUri: uri, section: SECTION } : { section: SECTION })
        .then((raw: unknown) => normalizeSettings(raw, this.locale))
        .catch(() => ({ ...DEFAULT_SETTINGS, locale: this.locale }));
      this.cache.set(key, p);
    }
    return p;
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
    if (pushed !== undefined && pushed !== null) this.globalSettings = normalizeSettings(pushed, this.locale);
  }
}
