import { get } from '../../../model/nodes';
import { defineRule } from '../../types';
import { replicasOf } from './shared';
import { isFragment, nonEmpty } from '../../helpers';

/** Several replicas with no spreading rule may all land on one node or zone and fail together. */
export const topologySpreadMissing = defineRule({
  id: 'topology-spread-missing',
  category: 'availability',
  severity: 'warning',
  kinds: ['Deployment', 'StatefulSet'],
  fixes: ['add-topology-spread'],
  guide: ['3.4', '3.3', '10.2'],
  title: { en: 'Replicas are not spread across nodes or zones', 'zh-CN': '副本未跨节点或可用区分布' },
  messages: {
    default: {
      en: '{kind} runs {replicas} replicas but its pod template has neither topologySpreadConstraints nor podAntiAffinity: the scheduler may put them on one node or in one zone, and losing it takes all of them down; add a topologySpreadConstraint on topology.kubernetes.io/zone and/or kubernetes.io/hostname',
      'zh-CN': '{kind} 运行 {replicas} 个副本，但 Pod 模板既没有 topologySpreadConstraints 也没有 podAntiAffinity：调度器可能把它们放到同一节点或同一可用区，该节点或可用区故障时全部副本一起失效；请按 topology.kubernetes.io/zone 和/或 kubernetes.io/hostname 添加 topologySpreadConstraint',
    },
  },
  check(ctx) {
    const replicas = replicasOf(ctx);
    if (typeof replicas !== 'number' || replicas < 2 || isFragment(ctx)) return;
    for (const pod of ctx.podSpecs()) {
      if (nonEmpty(get(pod.spec, 'topologySpreadConstraints', ctx.anchors), ctx.anchors)) continue;
      const anti = ctx.at(['affinity', 'podAntiAffinity'], pod.spec);
      const terms = ['requiredDuringSchedulingIgnoredDuringExecution', 'preferredDuringSchedulingIgnoredDuringExecution'];
      if (terms.some((t) => nonEmpty(ctx.at([t], anti), ctx.anchors))) continue;
      ctx.report({ at: pod.specPair ?? ctx.specAnchor(), args: { kind: ctx.resource.kind, replicas } });
    }
  },
});
