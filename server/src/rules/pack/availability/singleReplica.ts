import { defineRule, valueOf } from '../../types';
import { replicasOf } from './shared';
import { isFragment } from '../../helpers';

/** One replica means every node drain, eviction, crash or rollout of the node pool is an outage. */
export const singleReplica = defineRule({
  id: 'single-replica',
  category: 'availability',
  severity: 'warning',
  kinds: ['Deployment', 'StatefulSet'],
  guide: ['10.1', '4.2', '9.1'],
  title: { en: 'Workload runs a single replica', 'zh-CN': '工作负载只有一个副本' },
  messages: {
    default: {
      en: '{kind} `{name}` runs 1 replica: a node drain, eviction or crash leaves it with no ready pod until a new one starts; run at least 2 replicas (and protect them with a PodDisruptionBudget)',
      'zh-CN': '{kind} `{name}` 只运行 1 个副本：节点排空、驱逐或崩溃时，在新 Pod 启动前没有任何就绪 Pod；请至少运行 2 个副本（并用 PodDisruptionBudget 保护）',
    },
    unset: {
      en: '{kind} `{name}` sets no replicas, so it runs the default of 1: a node drain, eviction or crash leaves it with no ready pod; set replicas to 2 or more (if a HorizontalPodAutoscaler with minReplicas ≥ 2 manages it, suppress this finding)',
      'zh-CN': '{kind} `{name}` 未设置 replicas，因此按默认值只运行 1 个副本：节点排空、驱逐或崩溃时没有任何就绪 Pod；请把 replicas 设为 2 或更多（如果由 minReplicas ≥ 2 的 HorizontalPodAutoscaler 管理，请抑制此诊断）',
    },
  },
  check(ctx) {
    const { kind } = ctx.resource;
    if (kind === 'Deployment' && ctx.str(['spec', 'strategy', 'type']) === 'Recreate') return;
    const name = ctx.resource.name ?? kind;
    const replicas = replicasOf(ctx);
    if (replicas === undefined) {
      if (!isFragment(ctx)) ctx.report({ at: ctx.specAnchor(), variant: 'unset', args: { kind, name } });
    } else if (replicas === 1) ctx.report({ at: valueOf(ctx.pair(ctx.at(['spec']), 'replicas')!), args: { kind, name } });
  },
});
