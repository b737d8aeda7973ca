import { containerLabel, POD_CARRIERS } from '../../podSpec';
import { defineRule, valueOf } from '../../types';
import { isWindowsPod } from './shared';
import { containerMissingAnchor, pairAt } from '../../helpers';

/**
 * Pod Security Standards, restricted ("Privilege Escalation"): every container, init and ephemeral
 * container must set allowPrivilegeEscalation: false; unset counts as allowed. Linux pods only.
 */
export const privilegeEscalation = defineRule({
  id: 'privilege-escalation',
  category: 'security',
  severity: 'warning',
  pss: 'restricted',
  kinds: POD_CARRIERS,
  fixes: ['fix-privilege-escalation', 'apply-restricted-security-context'],
  guide: ['8.1', '2.1.2'],
  title: { en: 'Container may gain more privileges than its parent', 'zh-CN': '容器进程可能获得比父进程更多的权限' },
  messages: {
    default: {
      en: 'Container `{name}` does not set allowPrivilegeEscalation: false: setuid binaries and file capabilities can raise its privileges; set securityContext.allowPrivilegeEscalation: false',
      'zh-CN': '容器 `{name}` 未设置 allowPrivilegeEscalation: false：setuid 程序和文件能力可以提升其权限；请设置 securityContext.allowPrivilegeEscalation: false',
    },
    allowed: {
      en: 'Container `{name}` sets allowPrivilegeEscalation: true: its processes can gain more privileges than their parent (setuid, file capabilities); set it to false',
      'zh-CN': '容器 `{name}` 设置了 allowPrivilegeEscalation: true：其进程可获得比父进程更多的权限（setuid、文件能力）；请改为 false',
    },
  },
  check(ctx) {
    for (const pod of ctx.podSpecs()) {
      if (isWindowsPod(ctx, pod)) continue;
      for (const c of pod.containers) {
        const value = ctx.str(['securityContext', 'allowPrivilegeEscalation'], c.node);
        if (value === 'false') continue;
        const pair = pairAt(ctx, c.node, ['securityContext', 'allowPrivilegeEscalation']);
        if (pair) ctx.report({ at: valueOf(pair), variant: 'allowed', args: { name: containerLabel(c) } });
        else ctx.report({ at: containerMissingAnchor(ctx, c), args: { name: containerLabel(c) } });
      }
    }
  },
});
