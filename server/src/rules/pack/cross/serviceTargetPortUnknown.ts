import { declaredPorts, mention, relatedTo, selfNamespace } from '../../../cross/helpers';
import type { IndexedResource } from '../../../index/extract';
import { items, stringMap } from '../../helpers';
import { defineRule } from '../../types';

/** True when a pod carrier's containers do not expose a Service's targetPort: a name they do not declare, or a number when they declare others. */
function lacksPort(r: IndexedResource, target: string): boolean {
  const ports = declaredPorts(r);
  if (!/^\d+$/.test(target)) return !ports.some((p) => p.name === target);
  return ports.some((p) => p.containerPort !== undefined) && !ports.some((p) => p.containerPort === Number(target));
}

/** A Service port whose targetPort (by default its port) is not a port of the pods it selects. */
export const serviceTargetPortUnknown = defineRule({
  id: 'service-target-port-unknown',
  category: 'cross',
  severity: 'warning',
  kinds: ['Service'],
  guide: ['2.2.2'],
  title: { en: 'Service targetPort is not a port of the selected pods', 'zh-CN': 'Service 的 targetPort 不是所选 Pod 的端口' },
  messages: {
    default: {
      en: 'targetPort `{port}` of Service `{name}` names no container port of {workloads}: the Service has no endpoint on those pods and connections to this port fail; name the container port `{port}` or use its number',
      'zh-CN': 'Service `{name}` 的 targetPort `{port}` 不是 {workloads} 中任何容器端口的名称：这些 Pod 不会成为该端口的端点，连接会失败；请把容器端口命名为 `{port}`，或改用端口号',
    },
    number: {
      en: 'targetPort {port} of Service `{name}` is not a containerPort of {workloads}, which declare {declared}: traffic goes to a port the application probably does not listen on; set targetPort to the port the container serves (a targetPort left out equals port)',
      'zh-CN': 'Service `{name}` 的 targetPort {port} 不是 {workloads} 的 containerPort（它们声明的是 {declared}）：流量会被发往应用很可能没有监听的端口；请把 targetPort 设为容器实际提供服务的端口（省略 targetPort 时它等于 port）',
    },
  },
  check(ctx) {
    const index = ctx.index;
    const labels = stringMap(ctx.at(['spec', 'selector']), ctx.anchors);
    if (!index || !Object.keys(labels).length) return;
    const selected = index.selectedBy({ matchLabels: labels }, selfNamespace(ctx, index));
    for (const p of selected.length ? items(ctx.at(['spec', 'ports']), ctx.anchors) : []) {
      const at = ctx.at(['targetPort'], p) ?? ctx.at(['port'], p);
      const port = ctx.str(['targetPort'], p) ?? ctx.str(['port'], p);
      const missing = port === undefined ? [] : selected.filter((r) => lacksPort(r, port));
      if (!at || !port || !missing.length) continue;
      const args = { port, name: ctx.resource.name ?? '?', workloads: missing.slice(0, 3).map(mention).join(', ') };
      const declared = [...new Set(declaredPorts(missing[0]).flatMap((d) => (d.containerPort === undefined ? [] : [d.containerPort])))].join(', ');
      ctx.report({ at, variant: /^\d+$/.test(port) ? 'number' : 'default', args: { ...args, declared }, related: missing.map((r) => relatedTo(r)) });
    }
  },
});
