import { get, type Anchors } from '../model/nodes';
import type { Resource } from '../model/resource';
import { readSelector, stringMap } from '../rules/helpers';
import type { PodSpecView } from '../rules/podSpec';

/**
 * The labels a selector over a workload's own pods should match: the workload selector's
 * matchLabels when they are all on the pod template (the stable identity, without version labels),
 * else every template label; undefined when the template has none.
 */
export function ownPodSelectorLabels(resource: Resource, pod: PodSpecView, anchors: Anchors): Record<string, string> | undefined {
  const labels = stringMap(get(pod.metadata, 'labels', anchors), anchors);
  if (!Object.keys(labels).length) return undefined;
  const spec = get(resource.node, 'spec', anchors);
  const selector = resource.kind === 'ReplicationController' ? { matchLabels: stringMap(get(spec, 'selector', anchors), anchors) } : readSelector(get(spec, 'selector', anchors), anchors);
  const wanted = Object.entries(selector?.matchLabels ?? {});
  if (wanted.length && wanted.every(([k, v]) => labels[k] === v)) return Object.fromEntries(wanted);
  return labels;
}
