import { isMap, isScalar, type Node } from 'yaml';
import { get, scalarText, type Anchors } from '../../../model/nodes';
import type { LabelSelector } from '../../../index/selector';
import { items, readSelector, stringMap } from '../../helpers';
import type { ContainerView, PodSpecView } from '../../podSpec';
import type { RuleContext } from '../../types';

const OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/** The pod template's own labels (merge keys and aliases followed). */
export function podLabels(pod: PodSpecView, anchors: Anchors): Record<string, string> {
  return stringMap(get(pod.metadata, 'labels', anchors), anchors);
}

/** A label selector we can evaluate: undefined when absent or when it uses an operator or value we cannot read. */
export function evaluableSelector(node: Node | undefined, anchors: Anchors): LabelSelector | undefined {
  const selector = readSelector(node, anchors);
  if (!selector) return undefined;
  for (const e of selector.matchExpressions ?? []) {
    if (!OPERATORS.has(e.operator) || !e.key) return undefined;
  }
  return selector;
}

/** `spec.replicas` as a number; `undefined` when unset, `null` when set to something that is not a number. */
export function replicasOf(ctx: RuleContext): number | undefined | null {
  const pair = ctx.pair(ctx.at(['spec']), 'replicas');
  if (!pair) return undefined;
  return ctx.num(['spec', 'replicas']) ?? null;
}

/** A YAML scalar rendered for a message. */
export function text(node: Node | undefined): string {
  return scalarText(node) ?? '?';
}

/** A preStop sleep found in a container: how long, and the node that says so. */
export interface PreStopSleep {
  seconds: number;
  at: Node;
}

const SHELLS = /^(\/usr)?(\/bin\/)?(sh|bash|ash|dash|zsh|busybox)$/;
const SLEEP_BIN = /^(\/usr)?(\/bin\/)?sleep$/;
const DURATION = /^(\d+(?:\.\d+)?)([smhd]?)$/;
const UNIT: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };
const CONTROL_FLOW = /(^|[;&|({]\s*|\n\s*|\bthen\s+|\bdo\s+|\belse\s+)(if|while|until|for|case|select)\s/;
const SLEEP_IN_SCRIPT = /(^|[\s;&|(){}])sleep((?:[ \t]+\d+(?:\.\d+)?[smhd]?(?=[\s;&|)}]|$))+)/g;

/** Seconds of GNU/busybox `sleep` arguments (`5`, `1.5`, `2m`, several summed); undefined if one is not a duration. */
function sleepArgs(args: string[]): number | undefined {
  if (!args.length) return undefined;
  let total = 0;
  for (const a of args) {
    const m = DURATION.exec(a);
    if (!m) return undefined;
    total += Number(m[1]) * UNIT[m[2]];
  }
  return total;
}

/** Total of the `sleep N` commands of a straight-line shell script; undefined with loops or conditionals. */
export function scriptSleepSeconds(script: string): number | undefined {
  if (CONTROL_FLOW.test(script)) return undefined;
  let total = 0;
  let found = false;
  for (const m of script.matchAll(SLEEP_IN_SCRIPT)) {
    const n = sleepArgs(m[2].trim().split(/\s+/));
    if (n === undefined) continue;
    total += n;
    found = true;
  }
  return found ? total : undefined;
}

/** How long a container's preStop hook sleeps: the sleep action, `exec: [sleep, N]` or `sleep N` in an `sh -c` script. */
export function preStopSleep(c: ContainerView, anchors: Anchors): PreStopSleep | undefined {
  const preStop = get(get(c.node, 'lifecycle', anchors), 'preStop', anchors);
  if (!isMap(preStop)) return undefined;
  const seconds = get(get(preStop, 'sleep', anchors), 'seconds', anchors);
  if (isScalar(seconds) && typeof seconds.value === 'number') return { seconds: seconds.value, at: seconds };
  const command = items(get(get(preStop, 'exec', anchors), 'command', anchors), anchors);
  const args = command.map((n) => scalarText(n));
  if (!args.length || args.some((a) => a === undefined)) return undefined;
  const argv = args as string[];
  if (SLEEP_BIN.test(argv[0])) {
    const n = sleepArgs(argv.slice(1));
    return n === undefined ? undefined : { seconds: n, at: command[1] ?? command[0] };
  }
  if (SHELLS.test(argv[0])) {
    const flag = argv.findIndex((a, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(a));
    if (flag === -1 || flag + 1 >= argv.length) return undefined;
    const n = scriptSleepSeconds(argv[flag + 1]);
    return n === undefined ? undefined : { seconds: n, at: command[flag + 1] };
  }
  return undefined;
}

/** True when the pod template declares labels, so a selector can be checked against them. */
export function hasLabels(pod: PodSpecView, anchors: Anchors): boolean {
  return isMap(get(pod.metadata, 'labels', anchors));
}
