import { reportUndefined } from '../../../cross/references';
import { POD_CARRIERS } from '../../podSpec';
import { defineRule } from '../../types';

/** Priority classes every cluster has. */
const KNOWN = new Set(['system-cluster-critical', 'system-node-critical']);

/** A pod's priorityClassName that names no PriorityClass in the workspace (they are cluster-scoped). */
export const priorityClassMissing = defineRule({
  id: 'priority-class-missing',
  category: 'cross',
  severity: 'info',
  kinds: POD_CARRIERS,
  guide: ['3.6'],
  title: { en: 'Referenced PriorityClass is not in the workspace', 'zh-CN': '引用的 PriorityClass 不在工作区中' },
  messages: {
    default: {
      en: 'PriorityClass `{name}` is not defined anywhere in the workspace: unless it already exists in the cluster, the API server rejects the pods (`no PriorityClass with name {name} was found`); add the PriorityClass (cluster-scoped, scheduling.k8s.io/v1) or fix the name',
      'zh-CN': '工作区中没有定义 PriorityClass `{name}`：除非集群中已经存在，API 服务器会拒绝这些 Pod（`no PriorityClass with name {name} was found`）；请添加该 PriorityClass（集群级资源，scheduling.k8s.io/v1）或修正名称',
    },
  },
  check(ctx) {
    const index = ctx.index;
    if (!index) return;
    for (const pod of ctx.podSpecs()) {
      const at = ctx.at(['priorityClassName'], pod.spec);
      const name = ctx.str(['priorityClassName'], pod.spec);
      if (at && name && !KNOWN.has(name)) reportUndefined(ctx, index, { kind: 'PriorityClass', name, at });
    }
  },
});
