import { isMap, type Node, type Pair } from 'yaml';
import { get, scalarText } from '../../../model/nodes';
import { isEmptySelector, selects } from '../../../index/selector';
import { items, readSelector } from '../../helpers';
import type { PodSpecView } from '../../podSpec';
import { defineRule, type RuleContext } from '../../types';
import { evaluableSelector, hasLabels, podLabels, replicasOf } from './shared';
import { isNull, nonEmpty } from '../../helpers';

interface Term {
  node: Node;
  /** Where a finding about the term itself goes: the `podAffinityTerm:` key, or the list item. */
  anchor: Pair | Node;
}

/** The pod affinity terms of a podAntiAffinity, required and preferred. */
function antiAffinityTerms(ctx: RuleContext, pod: PodSpecView): Term[] {
  const anti = ctx.at(['affinity', 'podAntiAffinity'], pod.spec);
  const out: Term[] = [];
  for (const t of items(get(anti, 'requiredDuringSchedulingIgnoredDuringExecution', ctx.anchors), ctx.anchors)) {
    if (isMap(t)) out.push({ node: t, anchor: t });
  }
  for (const w of items(get(anti, 'preferredDuringSchedulingIgnoredDuringExecution', ctx.anchors), ctx.anchors)) {
    const t = get(w, 'podAffinityTerm', ctx.anchors);
    if (isMap(t)) out.push({ node: t, anchor: ctx.pair(w, 'podAffinityTerm') ?? w });
  }
  return out;
}

/** Whether a term looks at pods of the resource's own namespace: true, false, or undefined when unknowable. */
function coversOwnNamespace(ctx: RuleContext, term: Node): boolean | undefined {
  const nsSelector = get(term, 'namespaceSelector', ctx.anchors);
  const namespaces = items(get(term, 'namespaces', ctx.anchors), ctx.anchors).map((n) => scalarText(n));
  const hasSelector = !isNull(nsSelector);
  if (!hasSelector && !namespaces.length) return true;
  const selector = hasSelector ? readSelector(nsSelector, ctx.anchors) : undefined;
  if (selector && isEmptySelector(selector)) return true;
  const own = ctx.resource.namespace;
  if (own && namespaces.includes(own)) return true;
  return hasSelector || !own ? undefined : false;
}

/** True when a pod's topology spread constraints already spread the pod's own replicas. */
function spreadBySelf(ctx: RuleContext, pod: PodSpecView, labels: Record<string, string>): boolean {
  return items(get(pod.spec, 'topologySpreadConstraints', ctx.anchors), ctx.anchors).some((c) => {
    const selector = evaluableSelector(get(c, 'labelSelector', ctx.anchors), ctx.anchors);
    return !!selector && selects(selector, labels);
  });
}

/** An anti-affinity meant to keep replicas apart does nothing when its selector misses the pod's own labels. */
export const antiAffinitySelectorMismatch = defineRule({
  id: 'anti-affinity-selector-mismatch',
  category: 'availability',
  severity: 'warning',
  kinds: ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'],
  fixes: ['fix-spread-selector'],
  guide: ['3.3'],
  title: { en: 'Pod anti-affinity does not select its own pods', 'zh-CN': 'Pod 反亲和性未选中自身的 Pod' },
  messages: {
    default: {
      en: 'No podAntiAffinity term of this {kind} matches its own pod labels, and no topologySpreadConstraint does either, so its replicas can still be scheduled together; if this term is meant to keep the replicas apart, make its labelSelector match the template labels',
      'zh-CN': '此 {kind} 的 podAntiAffinity 规则没有一条匹配其自身 Pod 的标签，也没有 topologySpreadConstraint 匹配，因此它的副本仍可能被调度到一起；如果此规则本意是让副本相互分开，请让其 labelSelector 匹配模板标签',
    },
    absent: {
      en: 'This podAntiAffinity term has no labelSelector, so it matches no pods and has no effect; add a labelSelector (usually the pod template\'s own labels)',
      'zh-CN': '此 podAntiAffinity 规则没有 labelSelector，因此不匹配任何 Pod，不起任何作用；请添加 labelSelector（通常是 Pod 模板自身的标签）',
    },
  },
  check(ctx) {
    const replicas = replicasOf(ctx);
    for (const pod of ctx.podSpecs()) {
      const labels = podLabels(pod, ctx.anchors);
      const misses: Pair[] = [];
      let selfSelected = spreadBySelf(ctx, pod, labels);
      let uncertain = false;
      for (const term of antiAffinityTerms(ctx, pod)) {
        const pair = ctx.pair(term.node, 'labelSelector');
        const value = get(term.node, 'labelSelector', ctx.anchors);
        if (!pair || isNull(value)) {
          ctx.report({ at: pair ?? term.anchor, variant: 'absent' });
          continue;
        }
        if (nonEmpty(get(term.node, 'mismatchLabelKeys', ctx.anchors), ctx.anchors)) continue;
        const covers = coversOwnNamespace(ctx, term.node);
        if (covers === false) continue;
        const selector = evaluableSelector(value, ctx.anchors);
        if (!selector || covers === undefined) {
          uncertain = true;
          continue;
        }
        if (selects(selector, labels)) selfSelected = true;
        else misses.push(pair);
      }
      if (selfSelected || uncertain || !hasLabels(pod, ctx.anchors) || replicas === undefined || replicas === 0 || replicas === 1) continue;
      for (const at of misses) ctx.report({ at, args: { kind: ctx.resource.kind } });
    }
  },
});
