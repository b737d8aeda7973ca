import { byLocation, mention, relatedTo, selfNamespace, selfTarget, targetsNamed } from '../../../cross/helpers';
import { isEmptySelector, selects } from '../../../index/selector';
import { defineRule, valueOf } from '../../types';

/**
 * An HPA that may scale a workload meant to stay available down to one pod. Meant to stay available: a
 * PodDisruptionBudget selects its pods, its manifest asks for 2 or more replicas, or a Service routes to it.
 */
export const hpaMinReplicasLow = defineRule({
  id: 'hpa-min-replicas-low',
  category: 'cross',
  severity: 'warning',
  kinds: ['HorizontalPodAutoscaler'],
  guide: ['5.2', '9.1', '10.1'],
  title: { en: 'HPA may scale an available workload down to one pod', 'zh-CN': 'HPA 可能把需要高可用的工作负载缩到一个 Pod' },
  messages: {
    default: {
      en: 'HorizontalPodAutoscaler `{name}` {min}, yet {reason} marks {workload} as a workload that must stay available: at low load it runs a single pod, which a node drain either takes down or cannot evict; set minReplicas to 2 or more',
      'zh-CN': 'HorizontalPodAutoscaler `{name}` {min}，但 {reason} 表明 {workload} 必须保持可用：负载低时它只运行一个 Pod，节点排空要么让它中断，要么无法驱逐它；请把 minReplicas 设为 2 或更多',
    },
    replicas: {
      en: 'HorizontalPodAutoscaler `{name}` {min}, but {workload} asks for {replicas} replicas: at low load the HPA scales it down to a single pod and the redundancy the manifest asked for is gone; set minReplicas to 2 or more',
      'zh-CN': 'HorizontalPodAutoscaler `{name}` {min}，但 {workload} 声明了 {replicas} 个副本：负载低时 HPA 会把它缩到一个 Pod，清单所要求的冗余随之消失；请把 minReplicas 设为 2 或更多',
    },
    service: {
      en: 'HorizontalPodAutoscaler `{name}` {min}, but {workload} serves {reason}: at low load one pod carries all its traffic, and a node drain, eviction or crash leaves the Service without endpoints; set minReplicas to 2 or more',
      'zh-CN': 'HorizontalPodAutoscaler `{name}` {min}，但 {workload} 为 {reason} 提供服务：负载低时所有流量都压在一个 Pod 上，节点排空、驱逐或崩溃都会让该 Service 没有可用端点；请把 minReplicas 设为 2 或更多',
    },
  },
  check(ctx) {
    const index = ctx.index;
    const target = index && selfTarget(ctx);
    const min = ctx.num(['spec', 'minReplicas']);
    if (!index || !target || (min !== undefined && min > 1)) return;
    const namespace = selfNamespace(ctx, index);
    const workload = targetsNamed(index, target.ref, namespace)[0];
    const labels = workload?.podLabels;
    if (!workload || !labels || !Object.keys(labels).length) return;
    const covers = (kind: string) => index.find({ kind, namespace }).sort(byLocation).find((r) => r.selector && !(kind === 'Service' && isEmptySelector(r.selector)) && selects(r.selector, labels));
    const replicas = workload.facts.replicas ?? 0;
    const pdb = covers('PodDisruptionBudget');
    const service = pdb || replicas >= 2 ? undefined : covers('Service');
    const reason = pdb ?? service;
    if (!reason && replicas < 2) return;
    const args = {
      name: ctx.resource.name ?? '?',
      min: min === undefined ? { en: 'leaves minReplicas unset (so 1)', 'zh-CN': '未设置 minReplicas（默认为 1）' } : { en: `has minReplicas ${min}`, 'zh-CN': `的 minReplicas 为 ${min}` },
      workload: mention(workload),
      reason: reason ? mention(reason) : '',
      replicas,
    };
    const pair = ctx.pair(ctx.at(['spec']), 'minReplicas');
    ctx.report({ at: pair ? valueOf(pair) : ctx.specAnchor(), variant: pdb ? 'default' : service ? 'service' : 'replicas', args, related: [workload, ...(reason ? [reason] : [])].map((r) => relatedTo(r)) });
  },
});
