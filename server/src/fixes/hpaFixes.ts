import { isScalar } from 'yaml';
import { get } from '../model/nodes';
import { targeting } from '../cross/helpers';
import { companionPlace, uniqueName } from './documents';
import type { YValue } from './style';
import type { FixBuilder } from './types';

/** The guide's CPU target (§5.2) and the floor that keeps two pods up (§10.1). */
const CPU_UTILIZATION = 70;
const MIN_REPLICAS = 2;

/** maxReplicas for a workload now running `replicas`: twice that, and always above minReplicas. */
export function hpaMaxReplicas(replicas: number): number {
  return Math.max(2 * replicas, MIN_REPLICAS + 1);
}

/**
 * `add-hpa`: an autoscaling/v2 HorizontalPodAutoscaler as a new document right after the
 * Deployment or StatefulSet, in its namespace: minReplicas 2, maxReplicas {@link hpaMaxReplicas} of
 * its current replicas (1 when unset), scaling on 70% average CPU utilization. Not offered when an
 * autoscaler already targets it.
 */
export const addHpa: FixBuilder = ({ scope, editor, env, settings }) => {
  const r = scope.resource;
  if (!r || r.path.length || !r.name || (r.kind !== 'Deployment' && r.kind !== 'StatefulSet')) return undefined;
  const place = companionPlace(r, env, settings);
  if (place.index && targeting(place.index, { kind: r.kind, name: r.name }, place.namespace).length) return undefined;
  const anchors = scope.placed.doc.anchors;
  const replicas = get(get(r.node, 'spec', anchors), 'replicas', anchors);
  const n = isScalar(replicas) && typeof replicas.value === 'number' && replicas.value > 0 ? replicas.value : 1;
  const metadata: { [key: string]: YValue } = { name: uniqueName(r.name, 'hpa', 'HorizontalPodAutoscaler', editor, place) };
  if (r.namespace) metadata.namespace = r.namespace;
  const cpu: YValue = { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: CPU_UTILIZATION } } };
  return editor.appendDocument({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata,
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: r.kind, name: r.name }, minReplicas: MIN_REPLICAS, maxReplicas: hpaMaxReplicas(n), metrics: [cpu] },
  });
};
