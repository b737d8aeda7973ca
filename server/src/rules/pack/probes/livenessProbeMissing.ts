import { containerLabel, longRunning } from '../../podSpec';
import { defineRule } from '../../types';
import { LONG_RUNNING_KINDS } from './probeUtil';

/** Without a liveness probe, a container that hangs without exiting is never restarted. */
export const livenessProbeMissing = defineRule({
  id: 'liveness-probe-missing',
  category: 'probes',
  severity: 'warning',
  kinds: LONG_RUNNING_KINDS,
  fixes: ['add-liveness-probe'],
  guide: ['4.3', '2.1.2', '10.2'],
  title: { en: 'Container has no liveness probe', 'zh-CN': '容器没有存活探针' },
  messages: {
    default: {
      en: 'Container `{name}` has no livenessProbe: if it deadlocks or hangs without exiting, the kubelet never restarts it and the pod stays broken until someone deletes it; add a livenessProbe that checks only the process itself',
      'zh-CN': '容器 `{name}` 没有 livenessProbe：如果它死锁或卡住却不退出，kubelet 永远不会重启它，Pod 会一直处于故障状态直到有人手动删除；请添加只检查进程自身状态的 livenessProbe',
    },
  },
  check(ctx) {
    for (const pod of ctx.podSpecs()) {
      for (const c of longRunning(pod)) {
        if (c.role === 'sidecar' || ctx.pair(c.node, 'livenessProbe')) continue;
        ctx.report({ at: c.anchor, args: { name: containerLabel(c) } });
      }
    }
  },
});
