import { scalarText } from '../../../model/nodes';
import { items } from '../../helpers';
import { containerLabel, POD_CARRIERS } from '../../podSpec';
import { defineRule } from '../../types';
import { isWindowsPod } from './shared';
import { containerMissingAnchor, pairAt } from '../../helpers';

/**
 * Pod Security Standards, restricted ("Capabilities"): every container's capabilities.drop must
 * include `ALL` (compared exactly, upper case). Linux pods only.
 */
export const capabilitiesDropAll = defineRule({
  id: 'capabilities-drop-all',
  category: 'security',
  severity: 'warning',
  pss: 'restricted',
  kinds: POD_CARRIERS,
  fixes: ['fix-capabilities-drop-all', 'apply-restricted-security-context'],
  guide: ['8.1', '2.1.2'],
  title: { en: 'Container keeps the runtime\'s default capabilities', 'zh-CN': '容器保留了运行时的默认能力' },
  messages: {
    default: {
      en: 'Container `{name}` does not drop ALL capabilities: it keeps the runtime defaults (CHOWN, DAC_OVERRIDE, SETUID, NET_RAW…); add securityContext.capabilities.drop: [ALL] and add back only what it needs',
      'zh-CN': '容器 `{name}` 没有丢弃全部（ALL）能力：它保留了运行时默认能力（CHOWN、DAC_OVERRIDE、SETUID、NET_RAW 等）；请设置 securityContext.capabilities.drop: [ALL]，只把确实需要的能力加回来',
    },
    partial: {
      en: 'Container `{name}` drops only some capabilities; the restricted Pod Security Standard requires `ALL` in capabilities.drop',
      'zh-CN': '容器 `{name}` 只丢弃了部分能力；restricted Pod 安全标准要求 capabilities.drop 中包含 `ALL`',
    },
    case: {
      en: 'Container `{name}` drops `{value}`: Pod Security admission only accepts the exact upper-case `ALL`; write ALL',
      'zh-CN': '容器 `{name}` 丢弃的是 `{value}`：Pod 安全准入只认可全大写的 `ALL`；请写成 ALL',
    },
  },
  check(ctx) {
    for (const pod of ctx.podSpecs()) {
      if (isWindowsPod(ctx, pod)) continue;
      for (const c of pod.containers) {
        const drop = ctx.at(['securityContext', 'capabilities', 'drop'], c.node);
        const names = items(drop, ctx.anchors);
        if (names.some((n) => scalarText(n) === 'ALL')) continue;
        const name = containerLabel(c);
        const lower = names.find((n) => scalarText(n)?.toUpperCase() === 'ALL');
        if (lower) ctx.report({ at: lower, variant: 'case', args: { name, value: scalarText(lower)! } });
        else if (drop) ctx.report({ at: pairAt(ctx, c.node, ['securityContext', 'capabilities', 'drop'])!, variant: 'partial', args: { name } });
        else ctx.report({ at: pairAt(ctx, c.node, ['securityContext', 'capabilities']) ?? containerMissingAnchor(ctx, c), args: { name } });
      }
    }
  },
});
