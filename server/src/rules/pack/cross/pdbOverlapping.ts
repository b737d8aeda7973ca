import { byLocation, isSelf, mention, relatedTo, selfNamespace } from '../../../cross/helpers';
import { selects } from '../../../index/selector';
import { defineRule } from '../../types';
import { evaluableSelector } from '../availability/shared';

/** The eviction API refuses pods that more than one PodDisruptionBudget covers. */
export const pdbOverlapping = defineRule({
  id: 'pdb-overlapping',
  category: 'cross',
  severity: 'warning',
  kinds: ['PodDisruptionBudget'],
  guide: ['4.2'],
  title: { en: 'PodDisruptionBudgets overlap', 'zh-CN': '多个 PodDisruptionBudget 相互重叠' },
  messages: {
    default: {
      en: 'PodDisruptionBudget `{name}` and {other} both select the pods of {workloads}: the eviction API refuses to evict a pod that more than one budget covers, so node drains fail on these pods; keep exactly one PDB per set of pods',
      'zh-CN': 'PodDisruptionBudget `{name}` 与 {other} 同时选中了 {workloads} 的 Pod：被多个预算覆盖的 Pod 会被驱逐 API 拒绝驱逐，节点排空会在这些 Pod 上失败；请让每组 Pod 只对应一个 PDB',
    },
  },
  check(ctx) {
    const index = ctx.index;
    const selector = evaluableSelector(ctx.at(['spec', 'selector']), ctx.anchors);
    const at = ctx.pair(ctx.at(['spec']), 'selector');
    if (!index || !selector || !at) return;
    const namespace = selfNamespace(ctx, index);
    const pods = index.selectedBy(selector, namespace).sort(byLocation);
    if (!pods.length) return;
    for (const other of index.find({ kind: 'PodDisruptionBudget', namespace }).sort(byLocation)) {
      const budget = other.selector;
      if (isSelf(ctx, other) || other.name === ctx.resource.name || !budget) continue;
      const shared = pods.filter((w) => selects(budget, w.podLabels ?? {}));
      if (!shared.length) continue;
      const args = { name: ctx.resource.name ?? '?', other: mention(other), workloads: shared.map(mention).join(', ') };
      ctx.report({ at, args, related: [relatedTo(other), ...shared.map((w) => relatedTo(w))] });
    }
  },
});
