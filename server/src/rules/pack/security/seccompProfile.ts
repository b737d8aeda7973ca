import { containerLabel, POD_CARRIERS } from '../../podSpec';
import { defineRule, valueOf } from '../../types';
import { isWindowsPod } from './shared';
import { containerMissingAnchor, pairAt, podMissingAnchor } from '../../helpers';

const ALLOWED = new Set(['RuntimeDefault', 'Localhost']);

/**
 * Pod Security Standards "Seccomp": baseline forbids an explicit `Unconfined` profile (only RuntimeDefault
 * and Localhost are allowed); restricted also requires a profile at pod level or on every container (Linux
 * pods). The `baseline` profile checks only explicit values; `production` and `restricted` also require one.
 */
export const seccompProfile = defineRule({
  id: 'seccomp-profile',
  category: 'security',
  severity: 'warning',
  pss: 'baseline',
  kinds: POD_CARRIERS,
  fixes: ['fix-seccomp-profile', 'apply-restricted-security-context'],
  guide: ['8.1', '2.1.2'],
  title: { en: 'Seccomp profile missing or unconfined', 'zh-CN': 'Seccomp 配置缺失或为 Unconfined' },
  messages: {
    default: {
      en: 'seccompProfile.type `{value}` is not allowed: only RuntimeDefault or Localhost keep system-call filtering on; `Unconfined` lets the process call every syscall of the host kernel',
      'zh-CN': 'seccompProfile.type `{value}` 不被允许：只有 RuntimeDefault 或 Localhost 会保留系统调用过滤；`Unconfined` 让进程可以调用宿主机内核的全部系统调用',
    },
    pod: {
      en: 'No seccomp profile at pod level nor on every container: the containers may run without system-call filtering; set securityContext.seccompProfile.type: RuntimeDefault on the pod',
      'zh-CN': 'Pod 级别和各容器都没有设置 seccomp 配置：容器可能在没有系统调用过滤的情况下运行；请在 Pod 的 securityContext 中设置 seccompProfile.type: RuntimeDefault',
    },
    container: {
      en: 'Container `{name}` has no seccomp profile and the pod sets none: it may run without system-call filtering; set seccompProfile.type: RuntimeDefault on the pod or the container',
      'zh-CN': '容器 `{name}` 没有 seccomp 配置，Pod 级别也未设置：它可能在没有系统调用过滤的情况下运行；请在 Pod 或该容器上设置 seccompProfile.type: RuntimeDefault',
    },
  },
  check(ctx) {
    const requireProfile = ctx.settings.profile !== 'baseline';
    for (const pod of ctx.podSpecs()) {
      const podType = ctx.str(['securityContext', 'seccompProfile', 'type'], pod.spec);
      if (podType !== undefined && !ALLOWED.has(podType)) {
        ctx.report({ at: valueOf(pairAt(ctx, pod.spec, ['securityContext', 'seccompProfile', 'type'])!), args: { value: podType } });
      }
      const unset = [];
      for (const c of pod.containers) {
        const type = ctx.str(['securityContext', 'seccompProfile', 'type'], c.node);
        if (type === undefined && !ctx.at(['securityContext', 'seccompProfile'], c.node)) unset.push(c);
        else if (type === undefined || !ALLOWED.has(type)) {
          const pair = pairAt(ctx, c.node, ['securityContext', 'seccompProfile', 'type']) ?? pairAt(ctx, c.node, ['securityContext', 'seccompProfile'])!;
          ctx.report({ at: valueOf(pair), args: { value: type ?? '' } });
        }
      }
      if (!requireProfile || isWindowsPod(ctx, pod) || (podType !== undefined && ALLOWED.has(podType)) || !unset.length) continue;
      if (podType === undefined && unset.length === pod.containers.length) ctx.report({ at: podMissingAnchor(ctx, pod), variant: 'pod' });
      else for (const c of unset) ctx.report({ at: containerMissingAnchor(ctx, c), variant: 'container', args: { name: containerLabel(c) } });
    }
  },
});
