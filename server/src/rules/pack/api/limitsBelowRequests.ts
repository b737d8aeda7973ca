import { isScalar } from 'yaml';
import { scalarText } from '../../../model/nodes';
import { containerLabel } from '../../podSpec';
import { defineRule, valueOf } from '../../types';
import { compareQuantities, exactQuantity } from '../../quantity';
import { keyedPairs } from './shared';

/** A container may not ask for more of a resource than its own limit allows. */
export const limitsBelowRequests = defineRule({
  id: 'limits-below-requests',
  category: 'api',
  severity: 'error',
  guide: ['4.1', '2.1.2'],
  title: { en: 'Resource limit below its request', 'zh-CN': '资源上限低于请求值' },
  messages: {
    default: {
      en: 'Container `{name}`: the {resource} limit {limit} is below the request {request}; the API server rejects a request above its limit; raise the limit or lower the request',
      'zh-CN': '容器 `{name}`：{resource} 的上限 {limit} 低于请求值 {request}；请求值高于上限会被 API 服务器拒绝；请调高上限或调低请求值',
    },
  },
  check(ctx) {
    for (const pod of ctx.podSpecs()) {
      for (const c of pod.containers) {
        if (c.role === 'ephemeral') continue;
        const requests = new Map(keyedPairs(ctx.at(['resources', 'requests'], c.node), ctx.anchors).map((e) => [e.key, e.value]));
        for (const { key, pair, value } of keyedPairs(ctx.at(['resources', 'limits'], c.node), ctx.anchors)) {
          const request = requests.get(key);
          const limitText = isScalar(value) ? scalarText(value) : undefined;
          const requestText = isScalar(request) ? scalarText(request) : undefined;
          if (limitText === undefined || requestText === undefined) continue;
          const l = exactQuantity(limitText);
          const r = exactQuantity(requestText);
          if (!l || !r || compareQuantities(l, r) >= 0) continue;
          ctx.report({ at: valueOf(pair), args: { name: containerLabel(c), resource: key, limit: limitText, request: requestText } });
        }
      }
    }
  },
});
