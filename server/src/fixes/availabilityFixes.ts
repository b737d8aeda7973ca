import { isMap, isScalar } from 'yaml';
import { findPair, get } from '../model/nodes';
import { longRunning } from '../rules/podSpec';
import { preStopSleep } from '../rules/pack/availability/shared';
import { FEATURE_GATES, stageAt } from '../versions/gates';
import type { Settings } from '../service/settings';
import { replaceValue } from './blockEdits';
import { ownPodSelectorLabels } from './podLabels';
import type { YValue } from './style';
import type { FixBuilder } from './types';

/** The guide's drain pause (§4.4: wait ~15 s for in-flight requests before the process is told to stop). */
export const PRESTOP_SLEEP = 15;
/** Time the application is given to shut down after the preStop sleep. */
const SHUTDOWN_TIME = 30;
/** The guide's grace period for serving workloads (§2.1.2, §4.4). */
const GUIDE_GRACE = 60;

/**
 * `add-topology-spread`: the guide's two constraints (§2.1.2, §3.4): across zones with
 * `DoNotSchedule` and across nodes with `ScheduleAnyway`, maxSkew 1, selecting the pod's own labels.
 */
export const addTopologySpread: FixBuilder = ({ scope, editor }) => {
  const { resource, pod } = scope;
  if (!resource || !pod || findPair(pod.spec, 'topologySpreadConstraints')) return undefined;
  const labels = ownPodSelectorLabels(resource, pod, scope.placed.doc.anchors);
  if (!labels) return undefined;
  const constraint = (topologyKey: string, whenUnsatisfiable: string): YValue => ({ maxSkew: 1, topologyKey, whenUnsatisfiable, labelSelector: { matchLabels: labels } });
  return editor.merge(pod.spec, {
    topologySpreadConstraints: [constraint('topology.kubernetes.io/zone', 'DoNotSchedule'), constraint('kubernetes.io/hostname', 'ScheduleAnyway')],
  });
};

/** True when the `sleep` lifecycle action is on by default at every minor of the target window. */
export function sleepActionAvailable(settings: Settings): boolean {
  const gate = FEATURE_GATES.find((g) => g.gate === 'PodLifecycleSleepAction');
  if (!gate) return false;
  for (let m = settings.kubernetes.min; m <= settings.kubernetes.max; m++) if (!stageAt(gate, m)?.on) return false;
  return true;
}

/**
 * `add-prestop`. For a container without a preStop hook: a 15 s sleep (the `sleep` action when the
 * whole window has it on, else `sh -c "sleep 15"`), and terminationGracePeriodSeconds raised to the
 * guide's 60 s when it is unset or leaves less than 30 s after the sleep. For a grace period the
 * existing sleeps use up: only the grace period, raised to the longest sleep + 30 s (at least 60 s).
 */
export const addPreStop: FixBuilder = ({ finding, scope, editor, settings }) => {
  const { pod, container } = scope;
  const anchors = scope.placed.doc.anchors;
  if (!pod) return undefined;
  const grace = get(pod.spec, 'terminationGracePeriodSeconds', anchors);
  const current = isScalar(grace) && typeof grace.value === 'number' ? grace.value : undefined;
  if (grace && current === undefined) return undefined;
  const raise = (sleep: number) => {
    const needed = Math.max(GUIDE_GRACE, sleep + SHUTDOWN_TIME);
    return current !== undefined && current >= sleep + SHUTDOWN_TIME ? [] : editor.merge(pod.spec, { terminationGracePeriodSeconds: current === undefined ? needed : Math.max(needed, current) });
  };
  if (finding.ruleId === 'termination-grace-too-short') {
    const longest = Math.max(0, ...longRunning(pod).map((c) => preStopSleep(c, anchors)?.seconds ?? 0));
    return longest > 0 ? raise(longest) : undefined;
  }
  const lifecycle = container && get(container.node, 'lifecycle', anchors);
  if (!container || (lifecycle && !isMap(lifecycle)) || findPair(lifecycle, 'preStop', anchors)) return undefined;
  const hook: YValue = sleepActionAvailable(settings) ? { sleep: { seconds: PRESTOP_SLEEP } } : { exec: { command: ['sh', '-c', `sleep ${PRESTOP_SLEEP}`] } };
  const empty = isMap(lifecycle) && lifecycle.flow && !lifecycle.items.length;
  const lifecyclePair = findPair(container.node, 'lifecycle');
  const edits = empty && lifecyclePair ? replaceValue(editor, lifecyclePair, { preStop: hook }) : editor.merge(container.node, { lifecycle: { preStop: hook } });
  const graceEdits = raise(PRESTOP_SLEEP);
  return edits && graceEdits ? [...edits, ...graceEdits] : undefined;
};
