import { defineRule, valueOf } from '../../types';
import { replicasOf } from '../availability/shared';
import { isFragment } from '../../helpers';
import { scalersOf } from '../../../cross/helpers';

/**
 * One replica means every node drain, eviction, crash or rollout of the node pool is an outage. A
 * cross-document rule because an autoscaler in the workspace owns the replica count when there is one.
 */
export const singleReplica = defineRule({
  id: 'single-replica',
  category: 'cross',
  severity: 'warning',
  kinds: ['Deployment', 'StatefulSet'],
  fixes: ['add-hpa'],
  guide: ['10.1', '4.2', '9.1'],
  title: { en: 'Workload runs a single replica', 'zh-CN': '工作负载只有一个副本' },
  messages: {
    default: {
      en: '{kind} `{name}` runs 1 replica: a node drain, eviction or crash leaves it with no ready pod until a new one starts; run at least 2 replicas (and protect them with a PodDisruptionBudget)',
      'zh-CN': '{kind} `{name}` 只运行 1 个副本：节点排空、驱逐或崩溃时，在新 Pod 启动前没有任何就绪 Pod；请至少运行 2 个副本（并用 PodDisruptionBudget 保护）',
    },
    unset: {
      en: '{kind} `{name}` sets no replicas, so it runs the default of 1: a node drain, eviction or crash leaves it with no ready pod; set replicas to 2 or more, or let a HorizontalPodAutoscaler with minReplicas ≥ 2 manage it',
      'zh-CN': '{kind} `{name}` 未设置 replicas，因此按默认值只运行 1 个副本：节点排空、驱逐或崩溃时没有任何就绪 Pod；请把 replicas 设为 2 或更多，或交由 minReplicas ≥ 2 的 HorizontalPodAutoscaler 管理',
    },
  },
  check(ctx) {
    const { kind } = ctx.resource;
    if (!ctx.index || scalersOf(ctx, ctx.index).length) return;
    if (kind === 'Deployment' && ctx.str(['spec', 'strategy', 'type']) === 'Recreate') return;
    const name = ctx.resource.name ?? kind;
    const replicas = replicasOf(ctx);
    if (replicas === undefined) {
      if (!isFragment(ctx)) ctx.report({ at: ctx.specAnchor(), variant: 'unset', args: { kind, name } });
    } else if (replicas === 1) ctx.report({ at: valueOf(ctx.pair(ctx.at(['spec']), 'replicas')!), args: { kind, name } });
  },
});
