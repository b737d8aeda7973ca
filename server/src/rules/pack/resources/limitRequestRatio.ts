import { mention, relatedTo, selfNamespace } from '../../../cross/helpers';
import { limitRangeRatio } from '../../../cross/limits';
import { isOn, ruleLevel } from '../../levels';
import { parseQuantity } from '../../quantity';
import { containerLabel, POD_CARRIERS } from '../../podSpec';
import { defineRule } from '../../types';
import { limitrangeViolation } from '../cross/limitrangeViolation';
import { quantity, quantityPair, quantityValue, sizedContainers, type ResourceName } from './resourceUtil';

const RESOURCES: readonly ResourceName[] = ['cpu', 'memory'];

/**
 * A limit far above the request makes scheduling fiction and breaks a LimitRange's maxLimitRequestRatio.
 * A cross-document rule: where a LimitRange of the namespace sets maxLimitRequestRatio for a resource, that
 * ratio replaces the configured one, and `limitrange-violation` reports breaking it unless it is turned off.
 */
export const limitRequestRatio = defineRule({
  id: 'limit-request-ratio',
  category: 'cross',
  severity: 'warning',
  kinds: POD_CARRIERS,
  guide: ['4.1'],
  options: { cpu: 10, memory: 4 },
  title: { en: 'Limit is far above the request', 'zh-CN': '限制值远高于请求值' },
  messages: {
    default: {
      en: 'The {resource} limit of `{name}` ({limit}) is {ratio}× its request ({request}), above the allowed ratio of {max}: a LimitRange with maxLimitRequestRatio rejects such pods, and the scheduler places the pod by its small request while it may use far more, overloading the node; raise the request or lower the limit',
      'zh-CN': '容器 `{name}` 的 {resource} 限制（{limit}）是请求（{request}）的 {ratio} 倍，超过允许的比例 {max}：设置了 maxLimitRequestRatio 的 LimitRange 会拒绝这样的 Pod，而且调度器按较小的请求值放置 Pod，它实际却可能用到多得多的资源，导致节点过载；请提高请求值或降低限制值',
    },
    limitRange: {
      en: 'The {resource} limit of `{name}` ({limit}) is {ratio}× its request ({request}), above the maxLimitRequestRatio {max} that {limitRange} sets for this namespace: the API server refuses these pods; raise the request or lower the limit',
      'zh-CN': '容器 `{name}` 的 {resource} 限制（{limit}）是请求（{request}）的 {ratio} 倍，超过 {limitRange} 为该命名空间设置的 maxLimitRequestRatio {max}：API 服务器会拒绝这些 Pod；请提高请求值或降低限制值',
    },
  },
  check(ctx) {
    const index = ctx.index;
    if (!index) return;
    const deferred = isOn(ruleLevel(limitrangeViolation, ctx.settings));
    for (const resource of RESOURCES) {
      const fromRange = limitRangeRatio(index, selfNamespace(ctx, index), resource);
      if (fromRange && deferred) continue;
      const max = fromRange ? parseQuantity(fromRange.text)! : Number(ctx.options[resource]);
      if (!Number.isFinite(max) || max <= 0) continue;
      for (const pod of ctx.podSpecs()) {
        for (const c of sizedContainers(pod)) {
          const request = quantity(ctx, c, 'requests', resource);
          const limit = quantity(ctx, c, 'limits', resource);
          if (request === undefined || limit === undefined || request <= 0 || limit / request <= max) continue;
          const limitPair = quantityPair(ctx, c, 'limits', resource)!;
          ctx.report({
            at: quantityValue(limitPair),
            variant: fromRange ? 'limitRange' : 'default',
            related: fromRange ? [relatedTo(fromRange.from)] : undefined,
            args: {
              limitRange: fromRange ? mention(fromRange.from) : '',
              name: containerLabel(c),
              resource,
              limit: ctx.str(['resources', 'limits', resource], c.node) ?? '',
              request: ctx.str(['resources', 'requests', resource], c.node) ?? '',
              ratio: Math.round((limit / request) * 10) / 10,
              max,
            },
          });
        }
      }
    }
  },
});
