import { containerLabel } from '../../podSpec';
import { defineRule } from '../../types';

/** Pod Security Standards, baseline: privileged containers are not allowed. */
export const privileged = defineRule({
  id: 'privileged',
  category: 'security',
  severity: 'error',
  pss: 'baseline',
  fixes: ['fix-privileged', 'apply-restricted-security-context'],
  guide: ['8.1'],
  title: { en: 'Privileged container', 'zh-CN': '特权容器' },
  messages: {
    default: {
      en: 'Container `{name}` runs privileged: it has every capability and access to all host devices; the baseline Pod Security Standard forbids it',
      'zh-CN': '容器 `{name}` 以特权模式运行：拥有全部能力并可访问宿主机所有设备；baseline Pod 安全标准禁止这样做',
    },
  },
  check(ctx) {
    for (const pod of ctx.podSpecs()) {
      for (const c of pod.containers) {
        const node = ctx.at(['securityContext', 'privileged'], c.node);
        if (ctx.str(['securityContext', 'privileged'], c.node) === 'true') ctx.report({ at: node!, args: { name: containerLabel(c) } });
      }
    }
  },
});
