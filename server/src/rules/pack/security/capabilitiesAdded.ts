import { scalarText } from '../../../model/nodes';
import { items } from '../../helpers';
import { containerLabel, POD_CARRIERS } from '../../podSpec';
import { defineRule } from '../../types';
import { isWindowsPod } from './shared';

/** Capabilities the baseline Pod Security Standard lets a container add (the classic container-runtime default set). */
export const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE',
  'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

/**
 * Pod Security Standards "Capabilities": baseline allows adding only the default set; restricted
 * (Linux pods) only NET_BIND_SERVICE. The restricted profile applies the restricted list; other profiles the baseline one.
 */
export const capabilitiesAdded = defineRule({
  id: 'capabilities-added',
  category: 'security',
  severity: 'warning',
  pss: 'baseline',
  kinds: POD_CARRIERS,
  fixes: ['fix-capabilities-added', 'apply-restricted-security-context'],
  guide: ['8.1', '2.3.2'],
  title: { en: 'Container adds a capability the Pod Security Standards forbid', 'zh-CN': '容器添加了 Pod 安全标准禁止的能力' },
  messages: {
    default: {
      en: 'Container `{name}` adds capability {cap}, outside the baseline Pod Security Standard\'s allowed set: it grants kernel privileges beyond a normal container; remove it, or run the workload in a namespace that explicitly allows privileged pods',
      'zh-CN': '容器 `{name}` 添加了能力 {cap}，不在 baseline Pod 安全标准允许的集合内：它授予了超出普通容器的内核权限；请删除该能力，或把该工作负载放到明确允许特权 Pod 的命名空间中',
    },
    restricted: {
      en: 'Container `{name}` adds capability {cap}: the restricted Pod Security Standard allows adding only NET_BIND_SERVICE; remove it (drop ALL and add back only NET_BIND_SERVICE if the process binds ports below 1024)',
      'zh-CN': '容器 `{name}` 添加了能力 {cap}：restricted Pod 安全标准只允许添加 NET_BIND_SERVICE；请删除它（先 drop ALL，若进程需要绑定 1024 以下端口，只加回 NET_BIND_SERVICE）',
    },
  },
  check(ctx) {
    const restricted = ctx.settings.profile === 'restricted';
    for (const pod of ctx.podSpecs()) {
      const strict = restricted && !isWindowsPod(ctx, pod);
      for (const c of pod.containers) {
        for (const item of items(ctx.at(['securityContext', 'capabilities', 'add'], c.node), ctx.anchors)) {
          const cap = scalarText(item);
          if (cap === undefined) continue;
          const args = { name: containerLabel(c), cap };
          if (!BASELINE_CAPABILITIES.has(cap)) ctx.report({ at: item, args });
          else if (strict && cap !== 'NET_BIND_SERVICE') ctx.report({ at: item, variant: 'restricted', args });
        }
      }
    }
  },
});
