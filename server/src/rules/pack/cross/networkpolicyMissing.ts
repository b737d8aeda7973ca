import { byLocation, isSelf, mention, nameAnchor, relatedTo, selfNamespace } from '../../../cross/helpers';
import { POD_CARRIERS } from '../../podSpec';
import { defineRule } from '../../types';

/**
 * A namespace with workloads and no NetworkPolicy. Reported once per namespace: on its Namespace resource
 * when the workspace has one, else on its first workload (by file, then line).
 */
export const networkpolicyMissing = defineRule({
  id: 'networkpolicy-missing',
  category: 'cross',
  severity: 'info',
  kinds: [...POD_CARRIERS, 'Namespace'],
  guide: ['8.3'],
  title: { en: 'Namespace has no NetworkPolicy', 'zh-CN': '命名空间没有 NetworkPolicy' },
  messages: {
    default: {
      en: 'Namespace `{namespace}` has workloads ({workloads}; {count} in all) but no NetworkPolicy in the workspace: every pod accepts connections from any pod in the cluster, so one compromised pod can reach them all; add a default-deny policy for the namespace and allow what each workload needs',
      'zh-CN': '命名空间 `{namespace}` 中有工作负载（{workloads}；共 {count} 个），但工作区中没有任何 NetworkPolicy：每个 Pod 都接受集群内任意 Pod 的连接，一个 Pod 被攻破就能访问全部；请为该命名空间添加默认拒绝策略，再放行各工作负载需要的流量',
    },
    onWorkload: {
      en: 'Namespace `{namespace}` has workloads ({workloads}; {count} in all) but no NetworkPolicy in the workspace: every pod accepts connections from any pod in the cluster, so one compromised pod can reach them all; add a default-deny policy for the namespace and allow what each workload needs (reported once per namespace, on its first workload)',
      'zh-CN': '命名空间 `{namespace}` 中有工作负载（{workloads}；共 {count} 个），但工作区中没有任何 NetworkPolicy：每个 Pod 都接受集群内任意 Pod 的连接，一个 Pod 被攻破就能访问全部；请为该命名空间添加默认拒绝策略，再放行各工作负载需要的流量（每个命名空间只报告一次，标在其第一个工作负载上）',
    },
  },
  check(ctx) {
    const index = ctx.index;
    const namespace = ctx.resource.kind === 'Namespace' ? ctx.resource.name : index && selfNamespace(ctx, index);
    if (!index || !namespace || index.find({ kind: 'NetworkPolicy', namespace }).length) return;
    const workloads = index.podCarriersIn(namespace);
    const owner = index.find({ kind: 'Namespace', name: namespace }).sort(byLocation)[0] ?? workloads[0];
    if (!workloads.length || !owner || !isSelf(ctx, owner)) return;
    const args = { namespace, count: workloads.length, workloads: workloads.slice(0, 3).map(mention).join(', ') };
    const related = workloads.filter((w) => w !== owner).slice(0, 5).map((w) => relatedTo(w));
    ctx.report({ at: nameAnchor(ctx), variant: owner.kind === 'Namespace' ? 'default' : 'onWorkload', args, related });
  },
});
