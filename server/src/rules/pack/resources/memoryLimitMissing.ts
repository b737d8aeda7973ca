import { POD_CARRIERS } from '../../podSpec';
import { defineRule } from '../../types';
import { reportMissingQuantity } from './resourceUtil';

/** Without a memory limit a leaking container can take the whole node's memory down with it. */
export const memoryLimitMissing = defineRule({
  id: 'memory-limit-missing',
  category: 'resources',
  severity: 'warning',
  kinds: POD_CARRIERS,
  fixes: ['add-resources'],
  guide: ['4.1', '10.2', '7.3.2'],
  title: { en: 'Container has no memory limit', 'zh-CN': '容器没有内存限制' },
  messages: {
    default: {
      en: 'Container `{name}` has no memory limit: a leak or a spike can use all of the node\'s memory, and then the kernel OOM killer or kubelet evictions hit other pods on the node too; set resources.limits.memory (for predictable behaviour, equal to the request)',
      'zh-CN': '容器 `{name}` 没有内存限制：一次内存泄漏或突增就可能耗尽节点内存，随后内核 OOM killer 或 kubelet 驱逐会波及该节点上的其他 Pod；请设置 resources.limits.memory（想要行为可预期，可与请求值相等）',
    },
  },
  check(ctx) {
    reportMissingQuantity(ctx, 'memory', ['limits'], 'limits');
  },
});
