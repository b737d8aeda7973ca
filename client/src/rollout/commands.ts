import * as vscode from 'vscode';
import { applyDryRunArgs, diffArgs, ROLLOUT_KINDS, rolloutArgs, rolloutKinds, SCALE_KINDS, scaleArgs, type RolloutAction } from '../kubectl/args';
import type { RecordedRun } from '../kubectl/console';
import { parseHistory, type HistoryEntry } from '../kubectl/parse';
import { confirmRequest } from './confirm';
import { prepareDocument, prepareWorkload, reportFailure, type CommandDeps, type Workload } from './prepare';
import { historyTable, type ResultViews } from './views';

/** The command ids of the cluster commands, as package.json contributes them. */
export const CLUSTER_COMMANDS = {
  status: 'workloadStudio.rollout.status',
  history: 'workloadStudio.rollout.history',
  undo: 'workloadStudio.rollout.undo',
  pause: 'workloadStudio.rollout.pause',
  resume: 'workloadStudio.rollout.resume',
  restart: 'workloadStudio.rollout.restart',
  scale: 'workloadStudio.scale',
  diff: 'workloadStudio.diff',
  applyDryRun: 'workloadStudio.applyServerDryRun',
} as const;

const kindsFor = (action: RolloutAction) => Object.fromEntries(rolloutKinds(action).map((k) => [k, ROLLOUT_KINDS[k]]));

/** Registers the rollout, scale, diff and dry-run apply commands. */
export function registerClusterCommands(deps: CommandDeps, views: ResultViews): vscode.Disposable[] {
  const commands = new ClusterCommands(deps, views);
  const register = (id: string, run: (args: unknown[]) => Promise<unknown>) => vscode.commands.registerCommand(id, (...args: unknown[]) => run(args));
  return [
    register(CLUSTER_COMMANDS.status, (a) => commands.status(a)),
    register(CLUSTER_COMMANDS.history, (a) => commands.history(a)),
    register(CLUSTER_COMMANDS.undo, (a) => commands.undo(a)),
    ...(['pause', 'resume', 'restart'] as const).map((action) => register(CLUSTER_COMMANDS[action], (a) => commands.simple(action, a))),
    register(CLUSTER_COMMANDS.scale, (a) => commands.scale(a)),
    register(CLUSTER_COMMANDS.diff, (a) => commands.diff(a)),
    register(CLUSTER_COMMANDS.applyDryRun, (a) => commands.applyDryRun(a)),
  ];
}

class ClusterCommands {
  constructor(private readonly deps: CommandDeps, private readonly views: ResultViews) {}

  async status(args: unknown[]): Promise<void> {
    const w = await prepareWorkload(this.deps, args, vscode.l10n.t('Rollout status'), kindsFor('status'));
    if (!w) return;
    const run = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Watching the rollout of {0}…', w.resource), cancellable: true },
      (_progress, token) => this.deps.console.run(rolloutArgs('status', w.target, w.settings.globals), { stream: true, unbounded: true, token }),
    );
    if (run.cancelled) this.deps.ui().showInfo(vscode.l10n.t('Stopped watching the rollout of {0}.', w.resource));
    else this.finish(run, w.resource);
  }

  async history(args: unknown[]): Promise<void> {
    const w = await prepareWorkload(this.deps, args, vscode.l10n.t('Rollout history'), kindsFor('history'));
    const entries = w && (await this.readHistory(w));
    if (!w || !entries) return;
    await this.views.show(`history/${w.target.namespace}/${w.resource}.md`, historyTable(w.resource, w.context.context, w.target.namespace, entries), 'markdown');
  }

  async undo(args: unknown[]): Promise<void> {
    const w = await prepareWorkload(this.deps, args, vscode.l10n.t('Rollout undo'), kindsFor('undo'));
    const entries = w && (await this.readHistory(w));
    if (!w || !entries) return;
    const earlier = entries.slice(0, -1).reverse();
    if (!earlier.length) {
      this.deps.ui().showInfo(vscode.l10n.t('{0} has no earlier revision to roll back to.', w.resource));
      return;
    }
    const revision = await this.deps.ui().pickRevision(w.resource, earlier);
    if (revision === undefined) return;
    if (!(await this.confirm(w, 'undo', vscode.l10n.t('Roll back to revision {0}:', revision), vscode.l10n.t('Roll Back')))) return;
    this.finish(await this.deps.console.run(rolloutArgs('undo', w.target, w.settings.globals, { toRevision: revision })), w.resource);
  }

  async simple(action: 'pause' | 'resume' | 'restart', args: unknown[]): Promise<void> {
    const titles = { pause: vscode.l10n.t('Pause'), resume: vscode.l10n.t('Resume'), restart: vscode.l10n.t('Restart') };
    const w = await prepareWorkload(this.deps, args, vscode.l10n.t('Rollout {0}', action), kindsFor(action));
    if (!w || !(await this.confirm(w, action, titles[action], titles[action]))) return;
    this.finish(await this.deps.console.run(rolloutArgs(action, w.target, w.settings.globals)), w.resource);
  }

  async scale(args: unknown[]): Promise<void> {
    const w = await prepareWorkload(this.deps, args, vscode.l10n.t('Scale'), SCALE_KINDS);
    if (!w) return;
    const replicas = await this.deps.ui().askReplicas(w.resource);
    if (replicas === undefined || !(await this.confirm(w, 'scale', vscode.l10n.t('Scale to {0} replicas:', replicas), vscode.l10n.t('Scale')))) return;
    this.finish(await this.deps.console.run(scaleArgs(w.target, replicas, w.settings.globals)), w.resource);
  }

  async diff(args: unknown[]): Promise<void> {
    const d = await prepareDocument(this.deps, args);
    if (!d) return;
    const subject = vscode.workspace.asRelativePath(d.document.uri);
    const run = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Comparing {0} with the cluster…', subject) },
      () => this.deps.console.run(diffArgs(d.settings.globals), { stdin: d.document.getText(), okExitCodes: [0, 1] }),
    );
    if (run.exitCode === 0) this.deps.ui().showInfo(vscode.l10n.t('{0} matches the cluster (context {1}).', subject, d.context.context));
    else if (run.exitCode === 1 && run.stdout) await this.views.show(`diff/${subject}.diff`, run.stdout, 'diff');
    else reportFailure(this.deps, run, subject);
  }

  async applyDryRun(args: unknown[]): Promise<void> {
    const d = await prepareDocument(this.deps, args);
    if (!d) return;
    const verb = vscode.l10n.t('Apply (server-side dry run)');
    const request = confirmRequest({ action: 'apply', verb, button: verb, resources: d.resources, context: d.context.context, namespace: d.namespaces.join(', ') }, d.settings.productionPattern);
    if (!(await this.deps.ui().confirm(request))) return;
    const run = await this.deps.console.run(applyDryRunArgs(d.settings.globals), { stdin: d.document.getText() });
    this.finish(run, vscode.workspace.asRelativePath(d.document.uri));
  }

  private async readHistory(w: Workload): Promise<HistoryEntry[] | undefined> {
    const run = await this.deps.console.run(rolloutArgs('history', w.target, w.settings.globals));
    if (run.exitCode !== 0) {
      reportFailure(this.deps, run, w.resource);
      return undefined;
    }
    return parseHistory(run.stdout);
  }

  private confirm(w: Workload, action: string, verb: string, button: string): Promise<boolean> {
    const subject = { action, verb, button, resources: [w.resource], context: w.context.context, namespace: w.target.namespace };
    return this.deps.ui().confirm(confirmRequest(subject, w.settings.productionPattern));
  }

  private finish(run: RecordedRun, subject: string): void {
    if (run.exitCode === 0) this.deps.ui().showInfo(run.stdout.trim().split('\n').pop() || vscode.l10n.t('Done.'));
    else reportFailure(this.deps, run, subject);
  }
}
