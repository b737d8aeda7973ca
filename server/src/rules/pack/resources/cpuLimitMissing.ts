import { POD_CARRIERS } from '../../podSpec';
import { defineRule } from '../../types';
import { reportMissingQuantity } from './resourceUtil';

/** Without a CPU limit a busy container can use all idle CPU: good for latency, bad for strict isolation (informational). */
export const cpuLimitMissing = defineRule({
  id: 'cpu-limit-missing',
  category: 'resources',
  severity: 'info',
  kinds: POD_CARRIERS,
  fixes: ['add-resources'],
  guide: ['4.1', '10.2'],
  title: { en: 'Container has no CPU limit', 'zh-CN': '容器没有 CPU 限制' },
  messages: {
    default: {
      en: 'Container `{name}` has no CPU limit: it may use any idle CPU on the node, which helps its latency but lets it slow down neighbours that requested little, and the pod cannot be in the Guaranteed QoS class; set resources.limits.cpu if you need hard isolation, or turn this rule off if you deliberately run without CPU limits to avoid CFS throttling',
      'zh-CN': '容器 `{name}` 没有 CPU 限制：它可以使用节点上任何空闲的 CPU，这有利于它自身的延迟，但可能拖慢请求量较小的相邻 Pod，且该 Pod 无法成为 Guaranteed QoS 类；如需严格隔离请设置 resources.limits.cpu；如果是为避免 CFS 限流而有意不设 CPU 限制，可关闭此规则',
    },
  },
  check(ctx) {
    reportMissingQuantity(ctx, 'cpu', ['limits'], 'limits');
  },
});
