import { mention, relatedTo, selfNamespace } from '../../../cross/helpers';
import { defineRule } from '../../types';

/** A StatefulSet's serviceName must name a headless Service: it gives each pod its stable DNS name. */
export const statefulsetServiceMissing = defineRule({
  id: 'statefulset-service-missing',
  category: 'cross',
  severity: 'warning',
  kinds: ['StatefulSet'],
  guide: ['2.2.1', '2.2.2'],
  title: { en: 'StatefulSet governing Service is missing or not headless', 'zh-CN': 'StatefulSet 的管理 Service 缺失或不是 Headless' },
  messages: {
    default: {
      en: 'serviceName `{service}` names no Service in namespace `{namespace}`: the pods get no stable DNS names such as `{name}-0.{service}`, which peers and clients of a stateful application rely on; add a headless Service (`clusterIP: None`) named `{service}` that selects the pods',
      'zh-CN': 'serviceName `{service}` 在命名空间 `{namespace}` 中找不到对应的 Service：Pod 不会获得 `{name}-0.{service}` 这样的稳定 DNS 名称，而有状态应用的成员和客户端依赖它；请添加名为 `{service}`、选择这些 Pod 的 Headless Service（`clusterIP: None`）',
    },
    notHeadless: {
      en: 'serviceName `{service}` names {other}, which is not headless: per-pod DNS names such as `{name}-0.{service}` exist only for a Service with `clusterIP: None`; make it headless, or add a separate headless Service and point serviceName at it',
      'zh-CN': 'serviceName `{service}` 指向的 {other} 不是 Headless Service：只有 `clusterIP: None` 的 Service 才会为每个 Pod 提供 `{name}-0.{service}` 这样的 DNS 名称；请把它改为 Headless，或另建一个 Headless Service 并让 serviceName 指向它',
    },
  },
  check(ctx) {
    const index = ctx.index;
    const at = ctx.at(['spec', 'serviceName']);
    const service = ctx.str(['spec', 'serviceName']);
    if (!index || !at || !service) return;
    const namespace = selfNamespace(ctx, index);
    const found = index.find({ kind: 'Service', name: service, namespace });
    const args = { service, namespace, name: ctx.resource.name ?? '?' };
    if (!found.length) ctx.report({ at, args });
    else if (!found.some((s) => s.facts.headless)) ctx.report({ at, variant: 'notHeadless', args: { ...args, other: mention(found[0]) }, related: found.map((s) => relatedTo(s)) });
  },
});
