import { reportSelectsNothing } from '../../../cross/helpers';
import { isEmptySelector } from '../../../index/selector';
import { readSelector } from '../../helpers';
import { defineRule } from '../../types';

/** A NetworkPolicy whose podSelector selects no pods protects nothing, while its authors believe it does. */
export const networkpolicySelectorMatchesNothing = defineRule({
  id: 'networkpolicy-selector-matches-nothing',
  category: 'cross',
  severity: 'warning',
  kinds: ['NetworkPolicy'],
  guide: ['8.3'],
  title: { en: 'NetworkPolicy podSelector matches no pods', 'zh-CN': 'NetworkPolicy 的 podSelector 没有匹配任何 Pod' },
  messages: {
    default: {
      en: 'NetworkPolicy `{name}` applies to pods matching `{selector}` but no workload in namespace `{namespace}` has such pods: the policy isolates nothing and the pods it was meant for accept any traffic; make podSelector match their pod template labels',
      'zh-CN': 'NetworkPolicy `{name}` 作用于匹配 `{selector}` 的 Pod，但命名空间 `{namespace}` 中没有工作负载的 Pod 符合：该策略不隔离任何 Pod，原本要保护的 Pod 仍接受任意流量；请让 podSelector 与这些 Pod 模板的标签一致',
    },
    closest: {
      en: 'NetworkPolicy `{name}` applies to pods matching `{selector}` but no workload in namespace `{namespace}` has such pods (closest: {closest}): the policy isolates nothing and the pods it was meant for accept any traffic; make podSelector match their pod template labels',
      'zh-CN': 'NetworkPolicy `{name}` 作用于匹配 `{selector}` 的 Pod，但命名空间 `{namespace}` 中没有工作负载的 Pod 符合（最接近的：{closest}）：该策略不隔离任何 Pod，原本要保护的 Pod 仍接受任意流量；请让 podSelector 与这些 Pod 模板的标签一致',
    },
  },
  check(ctx) {
    const index = ctx.index;
    const spec = ctx.at(['spec']);
    const selector = readSelector(ctx.at(['podSelector'], spec), ctx.anchors);
    const at = ctx.pair(spec, 'podSelector');
    if (!index || !at || !selector || isEmptySelector(selector)) return;
    reportSelectsNothing(ctx, index, selector, at);
  },
});
