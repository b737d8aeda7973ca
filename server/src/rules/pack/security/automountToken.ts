import { POD_CARRIERS } from '../../podSpec';
import { defineRule, valueOf } from '../../types';

/**
 * The guide's least-privilege setup: a pod that runs as the namespace's `default` ServiceAccount has
 * no API permissions to use, so it should not carry a token at all (automountServiceAccountToken: false).
 * Pods with a dedicated ServiceAccount are left alone: they presumably talk to the API.
 */
export const automountToken = defineRule({
  id: 'automount-token',
  category: 'security',
  severity: 'info',
  kinds: POD_CARRIERS,
  fixes: ['fix-automount-token'],
  guide: ['8.2'],
  title: { en: 'Pod mounts an API token it does not need', 'zh-CN': 'Pod 挂载了不需要的 API 令牌' },
  messages: {
    default: {
      en: 'The pod runs as the `default` ServiceAccount and still gets its API token mounted: anyone who compromises a container can call the API server as this identity; set automountServiceAccountToken: false (or use a dedicated ServiceAccount if it needs the API)',
      'zh-CN': 'Pod 以 `default` ServiceAccount 运行，却仍挂载了其 API 令牌：攻破容器的人可以用该身份调用 API 服务器；请设置 automountServiceAccountToken: false（若确需访问 API，请使用专用 ServiceAccount）',
    },
    explicit: {
      en: 'automountServiceAccountToken: true mounts the `default` ServiceAccount\'s API token, which this pod has no permissions to use; set it to false, or give the pod a dedicated ServiceAccount if it calls the API',
      'zh-CN': 'automountServiceAccountToken: true 会挂载 `default` ServiceAccount 的 API 令牌，而该 Pod 并无可用的权限；请改为 false，若 Pod 需要调用 API，请为其配置专用 ServiceAccount',
    },
  },
  check(ctx) {
    for (const pod of ctx.podSpecs()) {
      const account = ctx.str(['serviceAccountName'], pod.spec) ?? ctx.str(['serviceAccount'], pod.spec);
      if (account && account !== 'default') continue;
      const pair = ctx.pair(pod.spec, 'automountServiceAccountToken');
      const value = ctx.str(['automountServiceAccountToken'], pod.spec);
      if (value === 'false') continue;
      if (pair && value === 'true') ctx.report({ at: valueOf(pair), variant: 'explicit' });
      else ctx.report({ at: pod.specPair ?? ctx.specAnchor() });
    }
  },
});
