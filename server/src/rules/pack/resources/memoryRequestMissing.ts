import { POD_CARRIERS } from '../../podSpec';
import { defineRule } from '../../types';
import { reportMissingQuantity } from './resourceUtil';

/** Without a memory request the scheduler reserves nothing for the container and it is among the first evicted. */
export const memoryRequestMissing = defineRule({
  id: 'memory-request-missing',
  category: 'resources',
  severity: 'warning',
  kinds: POD_CARRIERS,
  fixes: ['add-resources'],
  guide: ['4.1', '10.2'],
  title: { en: 'Container has no memory request', 'zh-CN': '容器没有内存请求' },
  messages: {
    default: {
      en: 'Container `{name}` has no memory request (resources.requests.memory, nor a memory limit it would default to): the scheduler reserves no memory for it and can overcommit the node, and under memory pressure the kubelet evicts pods using more than they requested first; set resources.requests.memory to its typical usage',
      'zh-CN': '容器 `{name}` 没有内存请求（既没有 resources.requests.memory，也没有可作为默认请求的内存限制）：调度器不会为它预留内存，节点可能被超额分配；节点内存紧张时，kubelet 会优先驱逐用量超过请求的 Pod；请把 resources.requests.memory 设为它的常规用量',
    },
  },
  check(ctx) {
    reportMissingQuantity(ctx, 'memory', ['requests', 'limits'], 'requests');
  },
});
