import type { WorkspaceIndex } from '../index/workspaceIndex';
import { readSelector } from '../rules/helpers';
import { get, getAt, scalarText, type Anchors } from '../model/nodes';
import type { Resource } from '../model/resource';
import type { Locale } from '../model/types';
import { exactQuantity, parseQuantity } from '../rules/quantity';
import { tr } from '../completion/types';
import { cronWords, nextRuns } from './cron';

/** What a value explanation may read. */
export interface ValueScope {
  resource: Resource;
  anchors: Anchors;
  path: readonly (string | number)[];
  value: string;
  format?: string;
  locale: Locale;
  now: Date;
  index?: WorkspaceIndex;
  defaultNamespace: string;
}

const grouped = (n: number | bigint) => n.toLocaleString('en-US');

/** A quantity in plain units: CPUs for `cpu`, bytes for memory and storage. */
export function explainQuantity(key: string | number | undefined, value: string, locale: Locale): string | undefined {
  const q = exactQuantity(value);
  const n = parseQuantity(value);
  if (!q || n === undefined) return undefined;
  if (key === 'cpu' || (typeof key === 'string' && key.endsWith('.cpu'))) {
    const cores = Number(n.toFixed(6));
    return tr(locale, `\`${value}\` = ${cores} CPU (${grouped(Math.round(n * 1000))} millicores)`, `\`${value}\` = ${cores} 个 CPU（${grouped(Math.round(n * 1000))} 毫核）`);
  }
  const exact = q.exp10 >= 0 ? q.digits * 10n ** BigInt(q.exp10) * 2n ** BigInt(q.exp2) : undefined;
  const bytes = exact !== undefined ? grouped(exact) : grouped(n);
  return tr(locale, `\`${value}\` = ${bytes} bytes`, `\`${value}\` = ${bytes} 字节`);
}

/** Replicas of the workloads a PDB selects, from the workspace index (an unset count is 1). */
function selectedReplicas(scope: ValueScope): number | undefined {
  if (!scope.index) return undefined;
  const selector = readSelector(getAt(scope.resource.node, ['spec', 'selector'], scope.anchors), scope.anchors);
  if (!selector) return undefined;
  const ns = scope.resource.namespace ?? scope.defaultNamespace;
  const pods = scope.index.selectedBy(selector, ns);
  if (!pods.length) return undefined;
  return pods.reduce((n, r) => n + (r.facts.replicas ?? 1), 0);
}

/** A percentage budget as the pod count it means, rounded the way the controller rounds. */
export function explainPercent(scope: ValueScope): string | undefined {
  const m = /^(\d+)%$/.exec(scope.value);
  const key = scope.path[scope.path.length - 1];
  if (!m) return undefined;
  const pct = Number(m[1]);
  const { resource, locale } = scope;
  let replicas: number | undefined;
  let up: boolean;
  if (resource.kind === 'Deployment' && scope.path.includes('rollingUpdate') && (key === 'maxSurge' || key === 'maxUnavailable')) {
    const r = scalarText(getAt(resource.node, ['spec', 'replicas'], scope.anchors));
    replicas = r !== undefined && /^\d+$/.test(r) ? Number(r) : 1;
    up = key === 'maxSurge';
  } else if (resource.kind === 'PodDisruptionBudget' && (key === 'minAvailable' || key === 'maxUnavailable')) {
    replicas = selectedReplicas(scope);
    up = true;
  } else return undefined;
  if (replicas === undefined) return undefined;
  const pods = up ? Math.ceil((pct * replicas) / 100) : Math.floor((pct * replicas) / 100);
  const how = up ? tr(locale, 'rounded up', '向上取整') : tr(locale, 'rounded down', '向下取整');
  let text = tr(locale, `\`${scope.value}\` of ${replicas} replicas = **${pods}** pod(s) (${how})`, `${replicas} 个副本的 \`${scope.value}\` = **${pods}** 个 Pod（${how}）`);
  if (resource.kind === 'Deployment' && key === 'maxUnavailable' && pods === 0) {
    const surge = scalarText(getAt(resource.node, ['spec', 'strategy', 'rollingUpdate', 'maxSurge'], scope.anchors)) ?? '25%';
    const sm = /^(\d+)%$/.exec(surge);
    const surgePods = sm ? Math.ceil((Number(sm[1]) * replicas) / 100) : Number(surge);
    if (surgePods === 0) text += tr(locale, '; with maxSurge also 0 the controller uses 1', '；maxSurge 也为 0 时控制器改用 1');
  }
  return text;
}

/** A CronJob schedule in words with its next three runs in its `timeZone`. */
export function explainSchedule(scope: ValueScope): string | undefined {
  const { locale } = scope;
  const tz = scalarText(get(get(scope.resource.node, 'spec', scope.anchors), 'timeZone', scope.anchors));
  const words = cronWords(scope.value, locale);
  const runs = nextRuns(scope.value, tz, locale, scope.now);
  if (!words && !runs) return undefined;
  const lines: string[] = [];
  if (words) lines.push(`\`${scope.value}\`: ${words}`);
  if (runs) lines.push(`${tr(locale, 'Next runs', '接下来的运行时间')} (${tz || 'UTC'}): ${runs.join(' · ')}`);
  return lines.join('\n\n');
}

/** Explains the value at a path, when it is a schedule, a quantity or a percentage budget. */
export function explainValue(scope: ValueScope): string | undefined {
  const key = scope.path[scope.path.length - 1];
  if (scope.resource.kind === 'CronJob' && scope.path.length === 2 && key === 'schedule') return explainSchedule(scope);
  if (scope.format === 'quantity') return explainQuantity(key, scope.value, scope.locale);
  if (scope.format === 'int-or-string') return explainPercent(scope);
  return undefined;
}
