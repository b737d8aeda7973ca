import { POD_CARRIERS } from '../../podSpec';
import { defineRule } from '../../types';
import { reportMissingQuantity } from './resourceUtil';

/** Without a CPU request the scheduler reserves nothing for the container and it gets the smallest share under contention. */
export const cpuRequestMissing = defineRule({
  id: 'cpu-request-missing',
  category: 'resources',
  severity: 'warning',
  kinds: POD_CARRIERS,
  fixes: ['add-resources'],
  guide: ['4.1', '10.2'],
  title: { en: 'Container has no CPU request', 'zh-CN': '容器没有 CPU 请求' },
  messages: {
    default: {
      en: 'Container `{name}` has no CPU request (resources.requests.cpu, nor a CPU limit it would default to): the scheduler reserves no CPU for it and can overcommit the node, under contention it gets the smallest CPU share, and an HPA cannot compute its CPU utilization; set resources.requests.cpu to its typical usage',
      'zh-CN': '容器 `{name}` 没有 CPU 请求（既没有 resources.requests.cpu，也没有可作为默认请求的 CPU 限制）：调度器不会为它预留 CPU，节点可能被超额分配；资源争抢时它只能得到最少的 CPU 份额，HPA 也无法计算它的 CPU 利用率；请把 resources.requests.cpu 设为它的常规用量',
    },
  },
  check(ctx) {
    reportMissingQuantity(ctx, 'cpu', ['requests', 'limits'], 'requests');
  },
});
