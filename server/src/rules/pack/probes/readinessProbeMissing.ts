import { defineRule } from '../../types';
import { LONG_RUNNING_KINDS } from './probeUtil';
import { containerLabel, longRunning } from '../../podSpec';

/** Without a readiness probe, a Service sends traffic to a pod as soon as its process starts. */
export const readinessProbeMissing = defineRule({
  id: 'readiness-probe-missing',
  category: 'probes',
  severity: 'warning',
  kinds: LONG_RUNNING_KINDS,
  fixes: ['add-readiness-probe'],
  guide: ['4.3', '2.1.2'],
  title: { en: 'Container has no readiness probe', 'zh-CN': '容器没有就绪探针' },
  messages: {
    default: {
      en: 'Container `{name}` has no readinessProbe: it receives traffic before it is ready, and during a rollout old pods go away before new ones can serve',
      'zh-CN': '容器 `{name}` 没有 readinessProbe：它会在就绪前接收流量，滚动更新时旧 Pod 会在新 Pod 能提供服务之前被移除',
    },
  },
  check(ctx) {
    for (const pod of ctx.podSpecs()) {
      for (const c of longRunning(pod)) {
        if (c.role === 'sidecar' || ctx.pair(c.node, 'readinessProbe')) continue;
        ctx.report({ at: c.anchor, args: { name: containerLabel(c) } });
      }
    }
  },
});
