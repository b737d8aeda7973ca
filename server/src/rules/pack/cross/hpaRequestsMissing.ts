import { mention, relatedTo, selfMetrics, selfNamespace, selfTarget, targetsNamed } from '../../../cross/helpers';
import { admittedResources, containerLimitsIn } from '../../../cross/limits';
import { parseQuantity } from '../../quantity';
import { defineRule } from '../../types';

/** Utilization is usage over request: without a request on a measured container the autoscaler cannot scale. */
export const hpaRequestsMissing = defineRule({
  id: 'hpa-requests-missing',
  category: 'cross',
  severity: 'warning',
  kinds: ['HorizontalPodAutoscaler', 'ScaledObject'],
  guide: ['5.2', '10.2'],
  title: { en: 'Utilization metric without resource requests', 'zh-CN': '利用率指标缺少资源 requests' },
  messages: {
    default: {
      en: '{self} `{name}` scales on {resource} utilization, but {workload} has no {resource} request on {containers}: utilization is usage divided by the request, so the autoscaler cannot compute it and does not scale (FailedGetResourceMetric); set resources.requests.{resource} on every container it measures',
      'zh-CN': '{self} `{name}` 按 {resource} 利用率扩缩，但 {workload} 的{containers} 没有设置 {resource} request：利用率等于用量除以 request，因此自动扩缩器无法计算，也不会扩缩（FailedGetResourceMetric）；请为它度量的每个容器设置 resources.requests.{resource}',
    },
  },
  check(ctx) {
    const index = ctx.index;
    const target = index && selfTarget(ctx);
    if (!index || !target) return;
    const metrics = selfMetrics(ctx).filter((m) => (m.resource === 'cpu' || m.resource === 'memory') && m.type === 'Utilization');
    if (!metrics.length) return;
    const namespace = selfNamespace(ctx, index);
    const workload = targetsNamed(index, target.ref, namespace)[0];
    if (!workload?.facts.containers) return;
    const limits = containerLimitsIn(index, namespace);
    for (const m of metrics) {
      const measured = workload.facts.containers.filter((c) => c.role !== 'init' && (!m.container || c.name === m.container));
      const missing = measured.filter((c) => {
        const { request } = admittedResources(c, m.resource, limits);
        return request === undefined || parseQuantity(request) === 0;
      });
      if (!missing.length) continue;
      const names = missing.map((c) => `\`${c.name}\``).join(', ');
      const containers = { en: `${missing.length > 1 ? 'containers' : 'container'} ${names}`, 'zh-CN': `容器 ${names}` };
      const args = { self: ctx.resource.kind, name: ctx.resource.name ?? '?', resource: m.resource, workload: mention(workload), containers };
      ctx.report({ at: m.at, args, related: [relatedTo(workload)] });
    }
  },
});
