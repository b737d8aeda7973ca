import { isMap, isScalar } from 'yaml';
import { findPair, get, getAt, scalarText } from '../model/nodes';
import { scalerFloor, targeting } from '../cross/helpers';
import { probeHandler, probeTiming } from '../rules/pack/probes/probeUtil';
import type { FixBuilder } from './types';
import type { YValue } from './style';
import { toYValue } from './yvalue';
import { companionPlace, uniqueName } from './documents';

/** The guide's start-up budget: failureThreshold 30 × periodSeconds 5 = 150 s. */
const STARTUP_PERIOD = 5;
const STARTUP_BUDGET = 150;

/**
 * `add-startup-probe`: a startupProbe with the liveness (else readiness) probe's handler, whose
 * failureThreshold × periodSeconds covers at least the guide's 150 s and twice the old liveness
 * delay, inserted after the livenessProbe; the liveness initialDelaySeconds it replaces becomes 0.
 */
export const addStartupProbe: FixBuilder = ({ scope, editor }) => {
  const c = scope.container;
  if (!c) return undefined;
  const anchors = scope.placed.doc.anchors;
  const liveness = get(c.node, 'livenessProbe', anchors);
  const source = isMap(liveness) ? liveness : get(c.node, 'readinessProbe', anchors);
  if (!isMap(source) || findPair(c.node, 'startupProbe')) return undefined;
  const handler = probeHandler(source, anchors);
  const copied = handler && toYValue(handler.node, anchors);
  if (!handler || copied === undefined) return undefined;
  const delay = isMap(liveness) ? probeTiming(liveness, anchors).initialDelay : 0;
  const budget = Math.max(STARTUP_BUDGET, 2 * delay);
  const probe: { [key: string]: YValue } = { [handler.type]: copied, periodSeconds: STARTUP_PERIOD, failureThreshold: Math.ceil(budget / STARTUP_PERIOD) };
  const edits = editor.merge(c.node, { startupProbe: probe }, isMap(liveness) ? 'livenessProbe' : 'readinessProbe');
  if (!edits) return undefined;
  const delayNode = isMap(liveness) ? findPair(liveness, 'initialDelaySeconds')?.value : undefined;
  if (isScalar(delayNode) && typeof delayNode.value === 'number' && delayNode.value > 0) {
    const lowered = editor.setScalar(delayNode, 0);
    if (!lowered) return undefined;
    edits.push(...lowered);
  }
  return edits;
};

/** `set-max-unavailable-zero`: maxUnavailable 0 and a maxSurge of at least 1 (25% when unset), creating the strategy block when absent. */
export const setMaxUnavailableZero: FixBuilder = ({ scope, editor }) => {
  const r = scope.resource;
  const spec = r && getAt(r.node, ['spec']);
  if (!r || !isMap(spec)) return undefined;
  const surge = scalarText(getAt(spec, ['strategy', 'rollingUpdate', 'maxSurge']));
  const rolling: { [key: string]: YValue } = { maxUnavailable: 0 };
  if (surge === undefined) rolling.maxSurge = '25%';
  else if (surge === '0' || surge === '0%') rolling.maxSurge = 1;
  return editor.merge(spec, { strategy: { rollingUpdate: rolling } });
};

/**
 * `add-pdb`: a policy/v1 PodDisruptionBudget right after the workload's document, in its
 * namespace, with its selector, letting one pod go: minAvailable replicas − 1, or a percentage
 * of the autoscaler's floor when one scales it.
 */
export const addPdb: FixBuilder = ({ scope, editor, env, settings }) => {
  const r = scope.resource;
  if (!r || r.path.length || !r.name) return undefined;
  const anchors = scope.placed.doc.anchors;
  const selector = toYValue(getAt(r.node, ['spec', 'selector'], anchors), anchors);
  if (!selector || typeof selector !== 'object' || Array.isArray(selector) || !Object.keys(selector).length) return undefined;
  const place = companionPlace(r, env, settings);
  const scalers = place.index ? targeting(place.index, { kind: r.kind, name: r.name }, place.namespace) : [];
  let minAvailable: YValue;
  if (scalers.length) {
    const floor = Math.max(2, scalerFloor(scalers[0]));
    minAvailable = `${Math.floor(((floor - 1) * 100) / floor)}%`;
  } else {
    const replicas = get(get(r.node, 'spec', anchors), 'replicas', anchors);
    const n = isScalar(replicas) && typeof replicas.value === 'number' ? replicas.value : 1;
    if (n < 2) return undefined;
    minAvailable = n - 1;
  }
  const metadata: { [key: string]: YValue } = { name: uniqueName(r.name, 'pdb', 'PodDisruptionBudget', editor, place) };
  if (r.namespace) metadata.namespace = r.namespace;
  return editor.appendDocument({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata, spec: { minAvailable, selector } });
};
