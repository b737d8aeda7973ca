import { coveredWorkloads, desiredHealthy, mention, relatedTo, selfNamespace } from '../../../cross/helpers';
import { defineRule, valueOf } from '../../types';
import { evaluableSelector } from '../availability/shared';

/** A budget that leaves no pod evictable makes every node drain and cluster upgrade hang on those pods. */
export const pdbBlocksEviction = defineRule({
  id: 'pdb-blocks-eviction',
  category: 'cross',
  severity: 'warning',
  kinds: ['PodDisruptionBudget'],
  guide: ['4.2'],
  title: { en: 'PodDisruptionBudget allows no eviction', 'zh-CN': 'PodDisruptionBudget 不允许任何驱逐' },
  messages: {
    default: {
      en: 'PodDisruptionBudget `{name}` requires minAvailable {minAvailable} of the {pods} pods of {workloads}: no pod may ever be evicted, so node drains and cluster upgrades hang on these pods until they time out; use maxUnavailable: 1, or a minAvailable below {pods}',
      'zh-CN': 'PodDisruptionBudget `{name}` 要求 {workloads} 的 {pods} 个 Pod 中至少 {minAvailable} 个可用：任何 Pod 都无法被驱逐，节点排空和集群升级会卡在这些 Pod 上直到超时；请改用 maxUnavailable: 1，或把 minAvailable 设为小于 {pods}',
    },
    percent: {
      en: 'PodDisruptionBudget `{name}` requires minAvailable {minAvailable} of the {pods} pods of {workloads}, which the disruption controller rounds up to {healthy}: no pod may ever be evicted, so node drains and cluster upgrades hang on these pods until they time out; use maxUnavailable: 1, or a percentage that leaves a pod to evict',
      'zh-CN': 'PodDisruptionBudget `{name}` 要求 {workloads} 的 {pods} 个 Pod 中至少 {minAvailable} 可用，中断控制器将其向上取整为 {healthy} 个：任何 Pod 都无法被驱逐，节点排空和集群升级会卡在这些 Pod 上直到超时；请改用 maxUnavailable: 1，或使用能留出可驱逐 Pod 的百分比',
    },
    single: {
      en: 'PodDisruptionBudget `{name}` requires minAvailable {minAvailable} while {workloads} runs a single pod: that pod may never be evicted, so node drains and cluster upgrades hang on it until they time out; run 2 or more replicas (and keep minAvailable below them), or accept the brief outage with maxUnavailable: 1',
      'zh-CN': 'PodDisruptionBudget `{name}` 要求 minAvailable {minAvailable}，而 {workloads} 只运行一个 Pod：该 Pod 永远无法被驱逐，节点排空和集群升级会卡在它上面直到超时；请运行 2 个或更多副本（并让 minAvailable 小于副本数），或用 maxUnavailable: 1 接受短暂中断',
    },
    zero: {
      en: 'PodDisruptionBudget `{name}` sets maxUnavailable {maxUnavailable}: none of the pods of {workloads} may ever be evicted, so node drains and cluster upgrades hang on them until they time out; allow at least one disruption (maxUnavailable: 1)',
      'zh-CN': 'PodDisruptionBudget `{name}` 设置了 maxUnavailable {maxUnavailable}：{workloads} 的任何 Pod 都不能被驱逐，节点排空和集群升级会卡在这些 Pod 上直到超时；请至少允许一次中断（maxUnavailable: 1）',
    },
  },
  check(ctx) {
    const index = ctx.index;
    const selector = evaluableSelector(ctx.at(['spec', 'selector']), ctx.anchors);
    if (!index || !selector) return;
    const covered = coveredWorkloads(index, selector, selfNamespace(ctx, index));
    if (!covered.length) return;
    const spec = ctx.at(['spec']);
    const budget = { minAvailable: ctx.str(['spec', 'minAvailable']), maxUnavailable: ctx.str(['spec', 'maxUnavailable']) };
    const args = { name: ctx.resource.name ?? '?', workloads: covered.map((c) => mention(c.workload)).join(', '), minAvailable: budget.minAvailable ?? '', maxUnavailable: budget.maxUnavailable ?? '' };
    const related = covered.map((c) => relatedTo(c.workload));
    if (budget.maxUnavailable !== undefined) {
      if (/^0+%?$/.test(budget.maxUnavailable.trim())) ctx.report({ at: valueOf(ctx.pair(spec, 'maxUnavailable')!), variant: 'zero', args, related });
      return;
    }
    if (covered.some((c) => c.pods === null || c.scalers.length)) return;
    const pods = covered.reduce((n, c) => n + (c.pods ?? 0), 0);
    const healthy = desiredHealthy(budget, pods);
    if (!pods || healthy === undefined || healthy < pods) return;
    const variant = pods === 1 ? 'single' : budget.minAvailable?.includes('%') ? 'percent' : 'default';
    ctx.report({ at: valueOf(ctx.pair(spec, 'minAvailable')!), variant, args: { ...args, pods, healthy }, related });
  },
});
