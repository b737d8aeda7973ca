import { declaredPorts, mention, relatedTo, selfNamespace } from '../../../cross/helpers';
import { items, stringMap } from '../../helpers';
import { POD_CARRIERS } from '../../podSpec';
import { defineRule } from '../../types';

const ANNOTATION = 'prometheus.io/port';

/** A `prometheus.io/port` annotation (on a pod template, or on a Service for endpoint scraping) naming no declared container port. */
export const prometheusPortUnknown = defineRule({
  id: 'prometheus-port-unknown',
  category: 'cross',
  severity: 'warning',
  kinds: [...POD_CARRIERS, 'Service'],
  guide: ['2.1.2', '6'],
  title: { en: 'prometheus.io/port is not a container port', 'zh-CN': 'prometheus.io/port 不是容器端口' },
  messages: {
    default: {
      en: 'The annotation prometheus.io/port is {port} but the containers of `{name}` declare only {declared}: Prometheus scrapes a port that serves no metrics and the target stays down, so dashboards and alerts on these pods go blind; set it to the metrics port',
      'zh-CN': '注解 prometheus.io/port 为 {port}，但 `{name}` 的容器只声明了 {declared}：Prometheus 会抓取一个不提供指标的端口，目标一直处于 down 状态，相关看板和告警因此失效；请把它设为指标端口',
    },
    service: {
      en: 'The annotation prometheus.io/port of Service `{name}` is {port} but the pods it selects ({workloads}) declare only {declared}: Prometheus scrapes a port that serves no metrics and the targets stay down; set it to the metrics port of those pods',
      'zh-CN': 'Service `{name}` 的注解 prometheus.io/port 为 {port}，但它选择的 Pod（{workloads}）只声明了 {declared}：Prometheus 会抓取一个不提供指标的端口，目标一直处于 down 状态；请把它设为这些 Pod 的指标端口',
    },
    notNumber: {
      en: 'The annotation prometheus.io/port must be a port number, not `{port}`: the usual scrape configuration cannot use it and scrapes the declared ports instead; write the number of the metrics port',
      'zh-CN': '注解 prometheus.io/port 必须是端口号，而不是 `{port}`：常见的抓取配置无法使用它，会改为抓取声明的端口；请写指标端口的端口号',
    },
  },
  check(ctx) {
    const index = ctx.index;
    const service = ctx.resource.kind === 'Service';
    const metadata = service ? ctx.at(['metadata']) : ctx.podSpecs()[0]?.metadata;
    const at = ctx.at(['annotations', ANNOTATION], metadata);
    const port = ctx.str(['annotations', ANNOTATION], metadata);
    if (!index || !at || port === undefined) return;
    if (!/^\d+$/.test(port)) return ctx.report({ at, variant: 'notNumber', args: { port } });
    const labels = stringMap(ctx.at(['spec', 'selector']), ctx.anchors);
    const pods = service && Object.keys(labels).length ? index.selectedBy({ matchLabels: labels }, selfNamespace(ctx, index)) : [];
    const ports = service
      ? pods.flatMap((r) => declaredPorts(r).map((p) => p.containerPort))
      : ctx.podSpecs().flatMap((pod) => pod.containers.filter((c) => c.role !== 'ephemeral').flatMap((c) => items(ctx.at(['ports'], c.node), ctx.anchors).map((p) => ctx.num(['containerPort'], p))));
    const declared = [...new Set(ports.filter((p): p is number => p !== undefined))];
    if (!declared.length || declared.includes(Number(port))) return;
    const args = { port, name: ctx.resource.name ?? '?', declared: declared.join(', ') };
    if (!service) return ctx.report({ at, args });
    ctx.report({ at, variant: 'service', args: { ...args, workloads: pods.slice(0, 3).map(mention).join(', ') }, related: pods.map((r) => relatedTo(r)) });
  },
});
