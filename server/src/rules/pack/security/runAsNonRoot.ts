import { containerLabel, POD_CARRIERS } from '../../podSpec';
import { defineRule, valueOf } from '../../types';
import { containerMissingAnchor, pairAt, podMissingAnchor } from '../../helpers';

/**
 * Pod Security Standards, restricted ("Running as Non-root" and "Running as Non-root user"):
 * runAsNonRoot must be true at pod level or on every container, never false, and runAsUser never 0.
 */
export const runAsNonRoot = defineRule({
  id: 'run-as-non-root',
  category: 'security',
  severity: 'warning',
  pss: 'restricted',
  kinds: POD_CARRIERS,
  fixes: ['fix-run-as-non-root', 'apply-restricted-security-context'],
  guide: ['8.1', '2.1.2'],
  title: { en: 'Containers may run as root', 'zh-CN': '容器可能以 root 身份运行' },
  messages: {
    default: {
      en: 'Container `{name}` does not set runAsNonRoot: true and the pod does not either: the image may start as root; set securityContext.runAsNonRoot: true on the pod (or on every container)',
      'zh-CN': '容器 `{name}` 未设置 runAsNonRoot: true，Pod 级别也未设置：镜像可能以 root 身份启动；请在 Pod（或每个容器）的 securityContext 中设置 runAsNonRoot: true',
    },
    pod: {
      en: 'Neither the pod nor any of its containers sets runAsNonRoot: true: images that start as root are allowed to run; set securityContext.runAsNonRoot: true at pod level',
      'zh-CN': 'Pod 及其所有容器均未设置 runAsNonRoot: true：以 root 启动的镜像也能运行；请在 Pod 级别的 securityContext 中设置 runAsNonRoot: true',
    },
    podFalse: {
      en: 'The pod sets runAsNonRoot: false, which the restricted Pod Security Standard forbids even when containers override it; set it to true',
      'zh-CN': 'Pod 设置了 runAsNonRoot: false，即使容器另行覆盖，restricted Pod 安全标准也禁止这样做；请改为 true',
    },
    containerFalse: {
      en: 'Container `{name}` sets runAsNonRoot: false: it is allowed to run as root; set it to true and run the image as a non-zero UID',
      'zh-CN': '容器 `{name}` 设置了 runAsNonRoot: false：允许以 root 身份运行；请改为 true，并让镜像以非 0 的 UID 运行',
    },
    podRootUser: {
      en: 'The pod sets runAsUser: 0 (root); the restricted Pod Security Standard forbids UID 0; use a non-zero UID such as 1000',
      'zh-CN': 'Pod 设置了 runAsUser: 0（root）；restricted Pod 安全标准禁止 UID 0；请使用非 0 的 UID，例如 1000',
    },
    containerRootUser: {
      en: 'Container `{name}` sets runAsUser: 0 and runs as root; the restricted Pod Security Standard forbids UID 0; use a non-zero UID such as 1000',
      'zh-CN': '容器 `{name}` 设置了 runAsUser: 0，以 root 身份运行；restricted Pod 安全标准禁止 UID 0；请使用非 0 的 UID，例如 1000',
    },
  },
  check(ctx) {
    for (const pod of ctx.podSpecs()) {
      const podValue = ctx.str(['securityContext', 'runAsNonRoot'], pod.spec);
      if (podValue === 'false') ctx.report({ at: valueOf(pairAt(ctx, pod.spec, ['securityContext', 'runAsNonRoot'])!), variant: 'podFalse' });
      if (ctx.str(['securityContext', 'runAsUser'], pod.spec) === '0') ctx.report({ at: valueOf(pairAt(ctx, pod.spec, ['securityContext', 'runAsUser'])!), variant: 'podRootUser' });
      const unset = pod.containers.filter((c) => ctx.str(['securityContext', 'runAsNonRoot'], c.node) === undefined);
      for (const c of pod.containers) {
        const name = containerLabel(c);
        if (ctx.str(['securityContext', 'runAsNonRoot'], c.node) === 'false') {
          ctx.report({ at: valueOf(pairAt(ctx, c.node, ['securityContext', 'runAsNonRoot'])!), variant: 'containerFalse', args: { name } });
        }
        if (ctx.str(['securityContext', 'runAsUser'], c.node) === '0') {
          ctx.report({ at: valueOf(pairAt(ctx, c.node, ['securityContext', 'runAsUser'])!), variant: 'containerRootUser', args: { name } });
        }
      }
      if (podValue === 'true' || !unset.length) continue;
      if (podValue === undefined && unset.length === pod.containers.length) {
        ctx.report({ at: podMissingAnchor(ctx, pod), variant: 'pod' });
        continue;
      }
      for (const c of unset) ctx.report({ at: containerMissingAnchor(ctx, c), args: { name: containerLabel(c) } });
    }
  },
});
