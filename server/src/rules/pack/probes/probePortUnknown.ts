import { isScalar } from 'yaml';
import { findPair, get, scalarText } from '../../../model/nodes';
import { containerLabel, longRunning } from '../../podSpec';
import { defineRule } from '../../types';
import { declaredPorts, LONG_RUNNING_KINDS, podPortNumbers, PROBE_FIELDS, probeHandler, probeOf } from './probeUtil';

/** A probe aimed at a port the container does not have fails (named) or checks the wrong socket (numbered). */
export const probePortUnknown = defineRule({
  id: 'probe-port-unknown',
  category: 'probes',
  severity: 'warning',
  kinds: LONG_RUNNING_KINDS,
  guide: ['4.3'],
  title: { en: 'Probe targets a port the container does not declare', 'zh-CN': '探针指向容器未声明的端口' },
  messages: {
    default: {
      en: 'The {probe} of `{name}` uses the port name `{port}`, but the container declares no port with that name: the kubelet cannot resolve it, so the probe fails every time; name one of the container\'s ports `{port}` or use the port number',
      'zh-CN': '容器 `{name}` 的 {probe} 使用端口名 `{port}`，但该容器没有声明同名端口：kubelet 无法解析它，探针每次都会失败；请把容器的某个端口命名为 `{port}`，或直接使用端口号',
    },
    number: {
      en: 'The {probe} of `{name}` checks port {port}, which no container of the pod declares (declared: {declared}): if nothing listens on it the probe keeps failing; point the probe at the port the application serves, or, if it does serve {port}, declare it in ports so the probe target is visible',
      'zh-CN': '容器 `{name}` 的 {probe} 检查端口 {port}，但 Pod 中没有任何容器声明该端口（已声明：{declared}）：如果该端口上没有进程监听，探针会一直失败；请让探针指向应用实际提供服务的端口；如果应用确实监听 {port}，请在 ports 中声明它，使探针目标一目了然',
    },
  },
  check(ctx) {
    for (const pod of ctx.podSpecs()) {
      const podPorts = podPortNumbers(pod, ctx.anchors);
      for (const c of longRunning(pod)) {
        const own = declaredPorts(c, ctx.anchors);
        for (const field of PROBE_FIELDS) {
          const probe = probeOf(c, field, ctx.anchors);
          const handler = probe && probeHandler(probe, ctx.anchors);
          if (!handler || handler.type === 'exec') continue;
          const host = scalarText(get(handler.node, 'host', ctx.anchors));
          if (host && !/^(localhost|127\.0\.0\.1|::1)$/.test(host)) continue;
          const pair = findPair(handler.node, 'port', ctx.anchors);
          const value = ctx.anchors.resolve(pair?.value);
          if (!pair || !isScalar(value)) continue;
          const args = { probe: field, name: containerLabel(c), port: scalarText(value) ?? '' };
          if (typeof value.value === 'number') {
            if (!own.length || podPorts.has(value.value)) continue;
            const declared = [...podPorts].sort((x, y) => x - y).join(', ');
            ctx.report({ at: pair.value && isScalar(pair.value) ? pair.value : pair, variant: 'number', args: { ...args, declared } });
          } else if (typeof value.value === 'string' && !/^\d+$/.test(value.value) && !own.some((p) => p.name === value.value)) {
            ctx.report({ at: isScalar(pair.value) ? pair.value : pair, args });
          }
        }
      }
    }
  },
});
