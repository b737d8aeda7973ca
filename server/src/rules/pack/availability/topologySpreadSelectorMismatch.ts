import { isMap } from 'yaml';
import { get } from '../../../model/nodes';
import { selects } from '../../../index/selector';
import { items } from '../../helpers';
import { defineRule } from '../../types';
import { evaluableSelector, hasLabels, podLabels, text } from './shared';
import { isNull } from '../../helpers';

/** A spread constraint counts the pods its selector matches; if that excludes the pod itself, it does not spread it. */
export const topologySpreadSelectorMismatch = defineRule({
  id: 'topology-spread-selector-mismatch',
  category: 'availability',
  severity: 'warning',
  fixes: ['fix-spread-selector'],
  guide: ['3.4'],
  title: { en: 'Topology spread constraint does not select its own pods', 'zh-CN': '拓扑分布约束未选中自身的 Pod' },
  messages: {
    default: {
      en: 'This topologySpreadConstraint ({topologyKey}) has a labelSelector that does not match the pod template\'s own labels: the scheduler counts other pods, so these pods are not spread; make the selector match the template labels',
      'zh-CN': '此 topologySpreadConstraint（{topologyKey}）的 labelSelector 与 Pod 模板自身的标签不匹配：调度器统计的是其他 Pod，这些 Pod 并不会被打散；请让选择器匹配模板标签',
    },
    absent: {
      en: 'This topologySpreadConstraint ({topologyKey}) has no labelSelector, so it counts no pods and spreads nothing; add a labelSelector that matches the pod template\'s labels',
      'zh-CN': '此 topologySpreadConstraint（{topologyKey}）没有 labelSelector，因此不统计任何 Pod，也不会打散任何 Pod；请添加与 Pod 模板标签匹配的 labelSelector',
    },
  },
  check(ctx) {
    for (const pod of ctx.podSpecs()) {
      const labels = podLabels(pod, ctx.anchors);
      for (const c of items(get(pod.spec, 'topologySpreadConstraints', ctx.anchors), ctx.anchors)) {
        if (!isMap(c)) continue;
        const topologyKey = text(get(c, 'topologyKey', ctx.anchors));
        const pair = ctx.pair(c, 'labelSelector');
        const value = get(c, 'labelSelector', ctx.anchors);
        if (!pair || isNull(value)) {
          ctx.report({ at: pair ?? c, variant: 'absent', args: { topologyKey } });
          continue;
        }
        const selector = evaluableSelector(value, ctx.anchors);
        if (selector && hasLabels(pod, ctx.anchors) && !selects(selector, labels)) ctx.report({ at: pair, args: { topologyKey } });
      }
    }
  },
});
