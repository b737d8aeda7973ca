import { items } from '../../helpers';
import { containerLabel, POD_CARRIERS } from '../../podSpec';
import { defineRule, valueOf } from '../../types';

/** Pod Security Standards, baseline ("Host Ports"): every container port's hostPort must be unset or 0. */
export const hostPort = defineRule({
  id: 'host-port',
  category: 'security',
  severity: 'warning',
  pss: 'baseline',
  kinds: POD_CARRIERS,
  fixes: ['fix-host-port'],
  guide: ['8.1', '2.3.2'],
  title: { en: 'Container binds a port on the node', 'zh-CN': '容器在节点上绑定端口' },
  messages: {
    default: {
      en: 'Container `{name}` binds hostPort {port} on the node: the pod is reachable on the node\'s own address outside any Service, only one such pod fits per node, and it can clash with other pods wanting that port; remove hostPort and expose the port through a Service',
      'zh-CN': '容器 `{name}` 在节点上绑定了 hostPort {port}：Pod 绕过 Service 直接暴露在节点自身地址上，每个节点只能容纳一个这样的 Pod，还可能与需要同一端口的其他 Pod 冲突；请删除 hostPort，改用 Service 暴露端口',
    },
  },
  check(ctx) {
    for (const pod of ctx.podSpecs()) {
      for (const c of pod.containers) {
        for (const port of items(ctx.at(['ports'], c.node), ctx.anchors)) {
          const value = ctx.str(['hostPort'], port);
          if (value === undefined || value === '0') continue;
          ctx.report({ at: valueOf(ctx.pair(port, 'hostPort')!), args: { name: containerLabel(c), port: value } });
        }
      }
    }
  },
});
