import { containerLabel, POD_CARRIERS } from '../../podSpec';
import { defineRule, valueOf } from '../../types';
import { pairAt } from '../../helpers';

/** Pod Security Standards, baseline ("/proc Mount Type"): procMount must be unset or `Default`. */
export const procMount = defineRule({
  id: 'proc-mount',
  category: 'security',
  severity: 'warning',
  pss: 'baseline',
  kinds: POD_CARRIERS,
  fixes: ['fix-proc-mount'],
  guide: ['8.1'],
  title: { en: 'Container unmasks /proc', 'zh-CN': '容器取消了 /proc 的屏蔽' },
  messages: {
    default: {
      en: 'Container `{name}` sets procMount `{value}`: the runtime no longer masks sensitive /proc paths, exposing kernel information and controls; remove it or use Default',
      'zh-CN': '容器 `{name}` 设置了 procMount `{value}`：运行时不再屏蔽 /proc 中的敏感路径，暴露了内核信息和控制接口；请删除该字段或使用 Default',
    },
  },
  check(ctx) {
    for (const pod of ctx.podSpecs()) {
      for (const c of pod.containers) {
        const value = ctx.str(['securityContext', 'procMount'], c.node);
        if (value === undefined || value === 'Default') continue;
        ctx.report({ at: valueOf(pairAt(ctx, c.node, ['securityContext', 'procMount'])!), args: { name: containerLabel(c), value } });
      }
    }
  },
});
