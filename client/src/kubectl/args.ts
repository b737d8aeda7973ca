import { isDnsLabel, isDnsSubdomain } from './names';

/**
 * Builders of kubectl argument lists. They are pure: every value is validated and placed in one
 * argument of its own, flags before positional arguments, and nothing is ever joined into a command
 * line for a shell.
 */

/** The workload kinds the rollout commands act on, with the resource name kubectl knows them by. */
export const ROLLOUT_KINDS: Readonly<Record<string, string>> = {
  Deployment: 'deployment.apps',
  StatefulSet: 'statefulset.apps',
  DaemonSet: 'daemonset.apps',
};

/** Kinds `kubectl scale` accepts (from the manifests this extension knows). */
export const SCALE_KINDS: Readonly<Record<string, string>> = {
  Deployment: 'deployment.apps',
  StatefulSet: 'statefulset.apps',
  ReplicaSet: 'replicaset.apps',
};

/** The rollout subcommands, and which of them change the cluster. */
export type RolloutAction = 'status' | 'history' | 'undo' | 'pause' | 'resume' | 'restart';
export const MUTATING_ROLLOUT_ACTIONS: readonly RolloutAction[] = ['undo', 'pause', 'resume', 'restart'];

/** Kinds each rollout subcommand supports (`pause` and `resume` work on Deployments only). */
export function rolloutKinds(action: RolloutAction): string[] {
  return action === 'pause' || action === 'resume' ? ['Deployment'] : Object.keys(ROLLOUT_KINDS);
}

/** Connection settings added to every invocation. */
export interface KubectlGlobals {
  kubeconfig?: string;
  context?: string;
}

/** A workload in the cluster: kind, name and namespace, as read from a manifest. */
export interface WorkloadTarget {
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string;
}

/** Why a target or value was refused before kubectl ran. */
export type RefusalReason = 'kind' | 'name' | 'namespace' | 'replicas' | 'revision' | 'setting';

/** Thrown by the builders when a value may not reach kubectl. */
export class RefusedArgument extends Error {
  constructor(readonly reason: RefusalReason, readonly value: unknown) {
    super(`refused ${reason}: ${JSON.stringify(String(value))}`);
    this.name = 'RefusedArgument';
  }
}

/** `--kubeconfig=…` and `--context=…` as single arguments, so a value can never be read as another flag. */
export function globalArgs(g: KubectlGlobals): string[] {
  const out: string[] = [];
  for (const [flag, value] of [['kubeconfig', g.kubeconfig], ['context', g.context]] as const) {
    if (!value) continue;
    if (/[\0\r\n]/.test(value)) throw new RefusedArgument('setting', value);
    out.push(`--${flag}=${value}`);
  }
  return out;
}

/** `kind.group/name` for a validated target, refusing kinds outside `kinds` and names that are not DNS-1123. */
export function resourceArg(target: WorkloadTarget, kinds: Readonly<Record<string, string>>): string {
  const resource = Object.prototype.hasOwnProperty.call(kinds, target.kind) ? kinds[target.kind] : undefined;
  if (!resource || target.apiVersion !== 'apps/v1') throw new RefusedArgument('kind', `${target.apiVersion} ${target.kind}`);
  if (!isDnsSubdomain(target.name)) throw new RefusedArgument('name', target.name);
  if (!isDnsLabel(target.namespace)) throw new RefusedArgument('namespace', target.namespace);
  return `${resource}/${target.name}`;
}

/** Extra values some subcommands take. */
export interface RolloutOptions {
  /** `undo --to-revision`. */
  toRevision?: number;
}

/** `kubectl rollout ACTION` for a target: globals and `--namespace` first, the resource last. */
export function rolloutArgs(action: RolloutAction, target: WorkloadTarget, g: KubectlGlobals, options: RolloutOptions = {}): string[] {
  const kinds = Object.fromEntries(rolloutKinds(action).map((k) => [k, ROLLOUT_KINDS[k]]));
  const resource = resourceArg(target, kinds);
  const flags = [...globalArgs(g), `--namespace=${target.namespace}`];
  if (action === 'status') flags.push('--watch=true');
  if (action === 'undo' && options.toRevision !== undefined) {
    if (!Number.isSafeInteger(options.toRevision) || options.toRevision < 1) throw new RefusedArgument('revision', options.toRevision);
    flags.push(`--to-revision=${options.toRevision}`);
  }
  return ['rollout', action, ...flags, resource];
}

/** `kubectl scale --replicas=N` for a target. */
export function scaleArgs(target: WorkloadTarget, replicas: number, g: KubectlGlobals): string[] {
  const resource = resourceArg(target, SCALE_KINDS);
  if (!Number.isSafeInteger(replicas) || replicas < 0 || replicas > 100_000) throw new RefusedArgument('replicas', replicas);
  return ['scale', ...globalArgs(g), `--namespace=${target.namespace}`, `--replicas=${replicas}`, resource];
}

/** `kubectl diff -f -`: the manifests come on standard input, never on the command line. */
export function diffArgs(g: KubectlGlobals): string[] {
  return ['diff', ...globalArgs(g), '--filename=-'];
}

/** `kubectl apply --dry-run=server -f -`: the API server validates and admits without persisting. */
export function applyDryRunArgs(g: KubectlGlobals): string[] {
  return ['apply', ...globalArgs(g), '--dry-run=server', '--filename=-'];
}

/** `kubectl config view --minify -o json`: the current context with its cluster, user and namespace. */
export function configViewArgs(g: KubectlGlobals): string[] {
  return ['config', 'view', ...globalArgs(g), '--minify', '--output=json'];
}

/** `kubectl version -o json`: the client's and the API server's version. */
export function versionArgs(g: KubectlGlobals): string[] {
  return ['version', ...globalArgs(g), '--output=json'];
}
