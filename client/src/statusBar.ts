import * as vscode from 'vscode';
import { knownClusterVersion, readCurrentContext, refreshClusterVersion } from './kubectl/cluster';

/** The command the status bar item runs: read the context and the cluster version again. */
export const REFRESH_STATUS_COMMAND = 'workloadStudio.kubectl.refreshStatus';

const DEFAULT_WINDOW = { min: '1.26', max: '1.32' };

/**
 * The status bar item: kubectl's current context and namespace (from `kubectl config view --minify`)
 * and the Kubernetes version window the manifests target. In Restricted Mode kubectl is not run and
 * the item says so.
 */
export class KubectlStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('workloadStudio.kubectl', vscode.StatusBarAlignment.Left, 10);
  private generation = 0;
  private latest: Promise<void> = Promise.resolve();

  constructor(private readonly trusted: () => boolean) {
    this.item.name = vscode.l10n.t('Workload Studio: kubectl context');
    this.item.command = REFRESH_STATUS_COMMAND;
  }

  /**
   * Reads the context (and, for `maxVersion: "cluster"`, the server version) and updates the item;
   * resolves once the item shows the newest reading (a later refresh supersedes an earlier one).
   */
  async refresh(): Promise<void> {
    this.latest = this.update(++this.generation);
    let awaited: Promise<void>;
    do {
      awaited = this.latest;
      await awaited;
    } while (awaited !== this.latest);
  }

  private async update(generation: number): Promise<void> {
    const config = vscode.workspace.getConfiguration('workloadStudio.kubernetes');
    const min = config.get<string | null>('minVersion') ?? DEFAULT_WINDOW.min;
    const maxSetting = config.get<string | null>('maxVersion') ?? DEFAULT_WINDOW.max;
    if (!this.trusted()) {
      this.show(`$(shield) ${vscode.l10n.t('kubectl: Restricted Mode')}`, vscode.l10n.t('Cluster commands are disabled until you trust this workspace.'), windowText(min, maxSetting === 'cluster' ? '?' : maxSetting));
      return;
    }
    const [lookup, clusterVersion] = await Promise.all([
      readCurrentContext(),
      maxSetting === 'cluster' ? refreshClusterVersion() : Promise.resolve(knownClusterVersion()),
    ]);
    if (generation !== this.generation) return;
    const max = maxSetting === 'cluster' ? clusterVersion ?? '?' : maxSetting;
    const window = windowText(min, max);
    if (!lookup.ok) {
      this.show(`$(warning) ${vscode.l10n.t('kubectl: no context')}`, vscode.l10n.t('kubectl has no usable context. Click to read it again.'), window);
      return;
    }
    const { context, namespace } = lookup.current;
    const versionNote = maxSetting === 'cluster' ? `\n${vscode.l10n.t('Newest version from the cluster: {0}', max)}` : '';
    this.show(`$(server-environment) ${context} · ${namespace ?? 'default'}`, vscode.l10n.t('kubectl context {0}, namespace {1}. Click to read it again.', context, namespace ?? 'default') + versionNote, window);
  }

  private show(text: string, tooltip: string, window: string): void {
    this.item.text = `${text} · ${window}`;
    this.item.tooltip = `${tooltip}\n${vscode.l10n.t('Target Kubernetes versions: {0} (workloadStudio.kubernetes.minVersion/maxVersion; unset: .kws.yaml, else 1.26–1.32)', window)}`;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}

function windowText(min: string, max: string): string {
  return `K8s ${min}–${max}`;
}
