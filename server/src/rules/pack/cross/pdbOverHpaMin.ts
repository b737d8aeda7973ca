import { coveredWorkloads, desiredHealthy, mention, relatedTo, selfNamespace } from '../../../cross/helpers';
import { defineRule, valueOf } from '../../types';
import { evaluableSelector } from '../availability/shared';

/** A minAvailable that the autoscaler's minimum cannot satisfy blocks drains whenever load is low. */
export const pdbOverHpaMin = defineRule({
  id: 'pdb-over-hpa-min',
  category: 'cross',
  severity: 'warning',
  kinds: ['PodDisruptionBudget'],
  guide: ['4.2', '5.2'],
  title: { en: 'PodDisruptionBudget minAvailable reaches the autoscaler minimum', 'zh-CN': 'PodDisruptionBudget 的 minAvailable 达到自动扩缩器的下限' },
  messages: {
    default: {
      en: 'PodDisruptionBudget `{name}` requires minAvailable {minAvailable}, but {scaler} may scale {workload} down to a pod count of {min}: at that size no pod may be evicted and node drains hang whenever load is low; keep minAvailable below {min}, use maxUnavailable: 1, or raise the autoscaler\'s minimum',
      'zh-CN': 'PodDisruptionBudget `{name}` 要求 minAvailable {minAvailable}，但 {scaler} 可能把 {workload} 缩到 {min} 个 Pod：在这个规模下任何 Pod 都无法被驱逐，负载低时节点排空会卡住；请让 minAvailable 小于 {min}、改用 maxUnavailable: 1，或提高自动扩缩器的下限',
    },
    percent: {
      en: 'PodDisruptionBudget `{name}` requires minAvailable {minAvailable}, but {scaler} may scale {workload} down to a pod count of {min}, of which the disruption controller then requires {healthy}: no pod may be evicted and node drains hang whenever load is low; use maxUnavailable: 1, a lower percentage, or raise the autoscaler\'s minimum',
      'zh-CN': 'PodDisruptionBudget `{name}` 要求 minAvailable {minAvailable}，但 {scaler} 可能把 {workload} 缩到 {min} 个 Pod，此时中断控制器要求其中 {healthy} 个可用：任何 Pod 都无法被驱逐，负载低时节点排空会卡住；请改用 maxUnavailable: 1、降低百分比，或提高自动扩缩器的下限',
    },
  },
  check(ctx) {
    const index = ctx.index;
    const selector = evaluableSelector(ctx.at(['spec', 'selector']), ctx.anchors);
    const minAvailable = ctx.str(['spec', 'minAvailable']);
    if (!index || !selector || minAvailable === undefined || ctx.pair(ctx.at(['spec']), 'maxUnavailable')) return;
    const covered = coveredWorkloads(index, selector, selfNamespace(ctx, index));
    const scaled = covered.find((c) => c.scalers.length);
    if (!scaled || covered.some((c) => c.pods === null)) return;
    const min = covered.reduce((n, c) => n + (c.pods ?? 0), 0);
    const healthy = desiredHealthy({ minAvailable }, min);
    if (healthy === undefined || healthy < min) return;
    ctx.report({
      at: valueOf(ctx.pair(ctx.at(['spec']), 'minAvailable')!),
      variant: minAvailable.includes('%') ? 'percent' : 'default',
      args: { name: ctx.resource.name ?? '?', minAvailable, scaler: mention(scaled.scalers[0]), workload: mention(scaled.workload), min, healthy },
      related: [...scaled.scalers, ...covered.map((c) => c.workload)].map((r) => relatedTo(r)),
    });
  },
});
