import { containerLabel, longRunning } from '../../podSpec';
import { defineRule } from '../../types';
import { LONG_RUNNING_KINDS, probeOf, probeTiming, probeValue } from './probeUtil';

/** A liveness probe with no slack restarts healthy containers during GC pauses and load spikes. */
export const livenessProbeAggressive = defineRule({
  id: 'liveness-probe-aggressive',
  category: 'probes',
  severity: 'warning',
  kinds: LONG_RUNNING_KINDS,
  guide: ['4.3', '10.3'],
  options: { minWindowSeconds: 10 },
  title: { en: 'Liveness probe restarts too eagerly', 'zh-CN': '存活探针过于激进' },
  messages: {
    default: {
      en: 'The livenessProbe of `{name}` gives up after about {window}s (failureThreshold {failure} × periodSeconds {period}): a GC pause or a short burst of load is enough to get the container restarted, and restarts under load make an overload worse; allow at least {min}s, e.g. periodSeconds 10 with failureThreshold 3',
      'zh-CN': '容器 `{name}` 的 livenessProbe 约 {window} 秒后即判定失败（failureThreshold {failure} × periodSeconds {period}）：一次 GC 停顿或短暂的负载高峰就足以让容器被重启，而在高负载下重启只会加剧过载；请至少留出 {min} 秒，例如 periodSeconds 10 配合 failureThreshold 3',
    },
    timeout: {
      en: 'The livenessProbe of `{name}` has timeoutSeconds {timeout} but periodSeconds {period}: a check may run as long as the interval between checks, so a slow response leaves no gap and failures pile up back to back; keep timeoutSeconds well below periodSeconds',
      'zh-CN': '容器 `{name}` 的 livenessProbe 的 timeoutSeconds 为 {timeout}，而 periodSeconds 为 {period}：单次检查可能持续整个检查间隔，响应变慢时检查会接连不断、失败迅速累积；请让 timeoutSeconds 明显小于 periodSeconds',
    },
  },
  check(ctx) {
    const min = typeof ctx.options.minWindowSeconds === 'number' ? ctx.options.minWindowSeconds : 10;
    for (const pod of ctx.podSpecs()) {
      for (const c of longRunning(pod)) {
        const probe = probeOf(c, 'livenessProbe', ctx.anchors);
        if (!probe) continue;
        const t = probeTiming(probe, ctx.anchors);
        const name = containerLabel(c);
        const fallback = ctx.pair(c.node, 'livenessProbe')!;
        if (t.timeout >= t.period) {
          const at = probeValue(probe, 'timeoutSeconds', ctx.anchors) ?? probeValue(probe, 'periodSeconds', ctx.anchors) ?? fallback;
          ctx.report({ at, variant: 'timeout', args: { name, timeout: t.timeout, period: t.period } });
        }
        const window = t.failure * t.period;
        if (window < min) {
          const at = probeValue(probe, 'failureThreshold', ctx.anchors) ?? probeValue(probe, 'periodSeconds', ctx.anchors) ?? fallback;
          ctx.report({ at, args: { name, window, failure: t.failure, period: t.period, min } });
        }
      }
    }
  },
});
