import { get, scalarText, type Anchors } from '../../../model/nodes';
import { containerLabel, longRunning, type ContainerView } from '../../podSpec';
import { defineRule } from '../../types';
import { canonical, declaredPorts, LONG_RUNNING_KINDS, plain, probeHandler, probeOf, type ProbeHandler } from './probeUtil';

/** The path an httpGet probe requests when it names none. */
const DEFAULT_PATH = '/';

/** A probe's check as comparable text: its handler (not a tcpSocket one) with defaults filled in and named ports resolved. */
function checkKey(c: ContainerView, handler: ProbeHandler, anchors: Anchors): { key: string; label: string } {
  const data = plain(handler.node, anchors) as Record<string, unknown>;
  if (handler.type === 'httpGet') {
    data.path ??= DEFAULT_PATH;
    data.scheme ??= 'HTTP';
  }
  if (handler.type === 'grpc') data.service ??= '';
  if (typeof data.port === 'string' && !/^\d+$/.test(data.port)) {
    const declared = declaredPorts(c, anchors).find((p) => p.name === data.port);
    if (declared?.number !== undefined) data.port = String(declared.number);
  }
  const label =
    handler.type === 'httpGet' ? `httpGet ${String(data.path)} :${String(data.port)}`
    : handler.type === 'grpc' ? `grpc :${String(data.port)}`
    : `exec ${Array.isArray(data.command) ? data.command.join(' ') : ''}`.trim();
  return { key: `${handler.type}:${canonical(data)}`, label: label.length > 60 ? `${label.slice(0, 57)}...` : label };
}

/** True when two httpGet handlers surely check different paths (the usual `/healthz` and `/ready`), so the full comparison is not needed. */
function pathsDiffer(a: ProbeHandler, b: ProbeHandler, anchors: Anchors): boolean {
  if (a.type !== 'httpGet') return false;
  const path = (h: ProbeHandler) => scalarText(get(h.node, 'path', anchors)) ?? DEFAULT_PATH;
  return path(a) !== path(b);
}

/** When liveness runs the readiness check, trouble the readiness probe is meant to absorb restarts the container instead. */
export const probesIdentical = defineRule({
  id: 'probes-identical',
  category: 'probes',
  severity: 'warning',
  kinds: LONG_RUNNING_KINDS,
  guide: ['4.3', '2.1.2'],
  title: { en: 'Liveness and readiness probes run the same check', 'zh-CN': '存活探针与就绪探针执行相同的检查' },
  messages: {
    default: {
      en: 'The livenessProbe of `{name}` runs the same check as its readinessProbe ({check}): when the check fails because a dependency is slow or the pod is overloaded, the kubelet restarts the container instead of only taking it out of the Service, which can restart every replica at once; make liveness check only the process itself (e.g. a separate /livez endpoint or a tcpSocket probe)',
      'zh-CN': '容器 `{name}` 的 livenessProbe 与 readinessProbe 执行相同的检查（{check}）：当依赖变慢或 Pod 过载导致检查失败时，kubelet 会重启容器，而不只是把它从 Service 中摘除，可能导致所有副本同时重启；请让存活探针只检查进程自身（例如单独的 /livez 端点或 tcpSocket 探针）',
    },
  },
  check(ctx) {
    for (const pod of ctx.podSpecs()) {
      for (const c of longRunning(pod)) {
        const liveness = probeOf(c, 'livenessProbe', ctx.anchors);
        const readiness = probeOf(c, 'readinessProbe', ctx.anchors);
        if (!liveness || !readiness) continue;
        const live = probeHandler(liveness, ctx.anchors);
        const ready = probeHandler(readiness, ctx.anchors);
        if (!live || !ready || live.type !== ready.type || live.type === 'tcpSocket' || pathsDiffer(live, ready, ctx.anchors)) continue;
        const a = checkKey(c, live, ctx.anchors);
        const b = checkKey(c, ready, ctx.anchors);
        if (a.key !== b.key) continue;
        ctx.report({ at: ctx.pair(c.node, 'livenessProbe')!, args: { name: containerLabel(c), check: a.label } });
      }
    }
  },
});
