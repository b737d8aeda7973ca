import { mention, relatedTo, selfNamespace } from '../../../cross/helpers';
import { admittedResources, containerLimitsIn, type ContainerLimits } from '../../../cross/limits';
import { compareQuantities, exactQuantity, multiplyQuantities, parseQuantity } from '../../quantity';
import { stringMap } from '../../helpers';
import { containerLabel, POD_CARRIERS, type ContainerView } from '../../podSpec';
import { defineRule, type RuleContext } from '../../types';

const compareText = (a: string | undefined, b: string | undefined) => {
  const x = a === undefined ? undefined : exactQuantity(a);
  const y = b === undefined ? undefined : exactQuantity(b);
  return x && y ? compareQuantities(x, y) : 0;
};

/** Checks one container's resource against one LimitRange item, on the values admission sees; findings go on the container's own values. */
function checkContainer(ctx: RuleContext, c: ContainerView, l: ContainerLimits, all: ContainerLimits[], resource: string, namespace: string): void {
  const own = { requests: stringMap(ctx.at(['resources', 'requests'], c.node), ctx.anchors), limits: stringMap(ctx.at(['resources', 'limits'], c.node), ctx.anchors) };
  const { request, limit } = admittedResources(own, resource, all);
  const limitField = own.limits[resource] === undefined ? undefined : 'limits';
  const requestField = own.requests[resource] === undefined ? limitField : 'requests';
  const report = (variant: string, section: string | undefined, args: Record<string, string>) => {
    const at = section && ctx.at(['resources', section, resource], c.node);
    const base = { container: containerLabel(c), resource, field: `resources.${section}.${resource}`, limitRange: mention(l.from), namespace };
    if (at) ctx.report({ at, variant, args: { ...base, ...args }, related: [relatedTo(l.from)] });
  };
  const [min, max] = [l.min[resource], l.max[resource]];
  if (min && compareText(request, min) < 0) report('min', requestField, { value: request!, min });
  else if (min && compareText(limit, min) < 0) report('min', limitField, { value: limit!, min });
  if (max && compareText(limit, max) > 0) report('max', limitField, { value: limit!, max });
  else if (max && compareText(request, max) > 0) report('max', requestField, { value: request!, max });
  const ratio = l.ratio[resource] === undefined ? undefined : exactQuantity(l.ratio[resource]);
  const [r, lim] = [request && exactQuantity(request), limit && exactQuantity(limit)];
  if (!ratio || !r || !lim || r.digits <= 0n || compareQuantities(lim, multiplyQuantities(r, ratio)) <= 0) return;
  const args = { request: request!, limit: limit!, max: l.ratio[resource], ratio: String(Math.round((parseQuantity(limit)! / parseQuantity(request)!) * 10) / 10) };
  report(limitField ? 'default' : 'ratioDefault', limitField ?? requestField, args);
}

/** A container outside the min, max or maxLimitRequestRatio of a LimitRange in its namespace: the API server refuses its pods. */
export const limitrangeViolation = defineRule({
  id: 'limitrange-violation',
  category: 'cross',
  severity: 'error',
  kinds: POD_CARRIERS,
  guide: ['4.1'],
  title: { en: 'Container breaks a LimitRange of its namespace', 'zh-CN': '容器违反所在命名空间的 LimitRange' },
  messages: {
    default: {
      en: 'The {resource} limit of container `{container}` ({limit}) is {ratio}× its request ({request}), above the maxLimitRequestRatio {max} that {limitRange} sets in namespace `{namespace}`: the API server refuses these pods; raise the request or lower the limit',
      'zh-CN': '容器 `{container}` 的 {resource} 限制（{limit}）是请求（{request}）的 {ratio} 倍，超过了 {limitRange} 在命名空间 `{namespace}` 中设置的 maxLimitRequestRatio {max}：API 服务器会拒绝这些 Pod；请提高请求值或降低限制值',
    },
    ratioDefault: {
      en: 'Container `{container}` sets no {resource} limit, so {limitRange} gives it the default {limit}, which is {ratio}× its request ({request}) and above the maxLimitRequestRatio {max} of namespace `{namespace}`: the API server refuses these pods; set a limit at most {max}× the request, or raise the request',
      'zh-CN': '容器 `{container}` 没有设置 {resource} 限制，因此 {limitRange} 为它填入默认值 {limit}，这是其请求（{request}）的 {ratio} 倍，超过命名空间 `{namespace}` 的 maxLimitRequestRatio {max}：API 服务器会拒绝这些 Pod；请设置不超过请求 {max} 倍的限制，或提高请求值',
    },
    min: {
      en: '`{field}` of container `{container}` is {value}, below the minimum {min} that {limitRange} sets in namespace `{namespace}`: the API server refuses these pods; raise it to at least {min}',
      'zh-CN': '容器 `{container}` 的 `{field}` 为 {value}，低于 {limitRange} 在命名空间 `{namespace}` 中设置的最小值 {min}：API 服务器会拒绝这些 Pod；请至少提高到 {min}',
    },
    max: {
      en: '`{field}` of container `{container}` is {value}, above the maximum {max} that {limitRange} sets in namespace `{namespace}`: the API server refuses these pods; lower it to at most {max}',
      'zh-CN': '容器 `{container}` 的 `{field}` 为 {value}，高于 {limitRange} 在命名空间 `{namespace}` 中设置的最大值 {max}：API 服务器会拒绝这些 Pod；请降低到不超过 {max}',
    },
  },
  check(ctx) {
    const index = ctx.index;
    if (!index) return;
    const namespace = selfNamespace(ctx, index);
    const all = containerLimitsIn(index, namespace);
    for (const c of all.length ? ctx.podSpecs().flatMap((p) => p.containers.filter((x) => x.role !== 'ephemeral')) : []) {
      for (const l of all) {
        for (const resource of new Set([...Object.keys(l.min), ...Object.keys(l.max), ...Object.keys(l.ratio)])) checkContainer(ctx, c, l, all, resource, namespace);
      }
    }
  },
});
