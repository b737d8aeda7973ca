import { byLocation, mention, operatorOwnerOf, relatedTo, reportSelectsNothing, selectorText, selfNamespace, withoutControllerLabels } from '../../../cross/helpers';
import { isEmptySelector, selects } from '../../../index/selector';
import { POD_CARRIERS } from '../../podSpec';
import { defineRule } from '../../types';
import { evaluableSelector } from '../availability/shared';

/** A PodDisruptionBudget whose selector matches no pods of its namespace protects nothing. */
export const pdbSelectorMatchesNothing = defineRule({
  id: 'pdb-selector-matches-nothing',
  category: 'cross',
  severity: 'warning',
  kinds: ['PodDisruptionBudget'],
  guide: ['4.2'],
  title: { en: 'PodDisruptionBudget selects no pods', 'zh-CN': 'PodDisruptionBudget 没有选中任何 Pod' },
  messages: {
    default: {
      en: 'The selector `{selector}` of PodDisruptionBudget `{name}` matches the pods of no workload in namespace `{namespace}`: the budget protects nothing, so a node drain may still evict every replica of the workload it was written for; use that workload\'s pod template labels',
      'zh-CN': 'PodDisruptionBudget `{name}` 的选择器 `{selector}` 在命名空间 `{namespace}` 中不匹配任何工作负载的 Pod：该预算保护不了任何东西，节点排空仍可能驱逐其本应保护的工作负载的全部副本；请改用该工作负载 Pod 模板上的标签',
    },
    closest: {
      en: 'The selector `{selector}` of PodDisruptionBudget `{name}` matches no pods in namespace `{namespace}` (closest: {closest}): the budget protects nothing until its selector uses the labels the pods really carry; copy them from the pod template of the workload to protect',
      'zh-CN': 'PodDisruptionBudget `{name}` 的选择器 `{selector}` 在命名空间 `{namespace}` 中不匹配任何 Pod（最接近的：{closest}）：在选择器改用 Pod 实际携带的标签之前，该预算保护不了任何东西；请从要保护的工作负载的 Pod 模板复制标签',
    },
    namespace: {
      en: 'PodDisruptionBudget `{name}` is in namespace `{namespace}`, but its selector `{selector}` matches the pods of {other} in namespace `{otherNamespace}`: a budget covers only pods of its own namespace, so it protects nothing; put the PDB in namespace `{otherNamespace}`',
      'zh-CN': 'PodDisruptionBudget `{name}` 位于命名空间 `{namespace}`，但其选择器 `{selector}` 匹配的是命名空间 `{otherNamespace}` 中 {other} 的 Pod：预算只覆盖同一命名空间的 Pod，因此它保护不了任何东西；请把该 PDB 放到命名空间 `{otherNamespace}`',
    },
  },
  check(ctx) {
    const index = ctx.index;
    const written = evaluableSelector(ctx.at(['spec', 'selector']), ctx.anchors);
    const at = ctx.pair(ctx.at(['spec']), 'selector');
    if (!index || !written || !at) return;
    const namespace = selfNamespace(ctx, index);
    const selector = withoutControllerLabels(written);
    if (index.selectedBy(selector, namespace).length || operatorOwnerOf(index, selector, namespace)) return;
    const elsewhere = isEmptySelector(selector)
      ? []
      : POD_CARRIERS.flatMap((kind) => index.find({ kind }))
          .filter((w) => w.podLabels && selects(selector, w.podLabels))
          .sort(byLocation);
    if (!elsewhere.length) return reportSelectsNothing(ctx, index, written, at);
    const args = { name: ctx.resource.name ?? '?', selector: selectorText(selector), namespace, other: mention(elsewhere[0]), otherNamespace: index.namespaceOf(elsewhere[0]) };
    ctx.report({ at, variant: 'namespace', args, related: elsewhere.slice(0, 3).map((w) => relatedTo(w)) });
  },
});
