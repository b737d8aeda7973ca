import { get } from '../../../model/nodes';
import { containerLabel } from '../../podSpec';
import { defineRule } from '../../types';
import { isFragment, nonEmpty } from '../../helpers';

/** Endpoint removal and SIGTERM happen at the same time; a short preStop pause lets traffic drain first. */
export const prestopMissing = defineRule({
  id: 'prestop-missing',
  category: 'availability',
  severity: 'warning',
  kinds: ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'],
  fixes: ['add-prestop'],
  guide: ['4.4', '10.2', '10.3'],
  title: { en: 'Serving container has no preStop hook', 'zh-CN': '对外服务的容器没有 preStop 钩子' },
  messages: {
    default: {
      en: 'Container `{name}` exposes ports but has no lifecycle.preStop hook: when its pod is deleted, SIGTERM arrives while Services, kube-proxy and load balancers may still route requests to it, and those requests fail; add a preStop hook that waits a few seconds (e.g. `sleep 5`) before the process is told to stop',
      'zh-CN': '容器 `{name}` 暴露了端口但没有 lifecycle.preStop 钩子：Pod 被删除时，SIGTERM 到达的同时 Service、kube-proxy 和负载均衡器可能仍在向它转发请求，这些请求会失败；请添加先等待几秒（例如 `sleep 5`）再让进程停止的 preStop 钩子',
    },
  },
  check(ctx) {
    if (isFragment(ctx)) return;
    for (const pod of ctx.podSpecs()) {
      if (ctx.num(['terminationGracePeriodSeconds'], pod.spec) === 0) continue;
      for (const c of pod.containers) {
        if (c.role !== 'container' || !nonEmpty(get(c.node, 'ports', ctx.anchors), ctx.anchors)) continue;
        if (ctx.pair(ctx.at(['lifecycle'], c.node), 'preStop')) continue;
        ctx.report({ at: c.anchor, args: { name: containerLabel(c) } });
      }
    }
  },
});
