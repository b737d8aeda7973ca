import { defineRule, valueOf } from '../../types';
import { isFragment } from '../../helpers';

/** The guide's zero-downtime rollout: never take a serving pod away before its replacement is ready. */
export const maxUnavailableNotZero = defineRule({
  id: 'max-unavailable-not-zero',
  category: 'availability',
  severity: 'warning',
  kinds: ['Deployment'],
  fixes: ['set-max-unavailable-zero'],
  guide: ['2.1.2', '9.3'],
  title: { en: 'Rolling update may take serving pods away', 'zh-CN': '滚动更新可能移除正在服务的 Pod' },
  messages: {
    default: {
      en: 'maxUnavailable is {value}: the rollout removes serving pods before their replacements are ready; set it to 0 (with maxSurge ≥ 1) for zero-downtime updates',
      'zh-CN': 'maxUnavailable 为 {value}：滚动更新会在新 Pod 就绪前移除正在服务的 Pod；设为 0（并让 maxSurge ≥ 1）可实现零停机更新',
    },
    unset: {
      en: 'No rollingUpdate.maxUnavailable: the default of 25% removes serving pods before their replacements are ready; set it to 0 (with maxSurge ≥ 1)',
      'zh-CN': '未设置 rollingUpdate.maxUnavailable：默认的 25% 会在新 Pod 就绪前移除正在服务的 Pod；请设为 0（并让 maxSurge ≥ 1）',
    },
  },
  check(ctx) {
    if (ctx.str(['spec', 'strategy', 'type']) === 'Recreate') return;
    const rolling = ctx.at(['spec', 'strategy', 'rollingUpdate']);
    const pair = ctx.pair(rolling, 'maxUnavailable');
    if (!pair) {
      if (isFragment(ctx)) return;
      const anchor = ctx.pair(ctx.at(['spec', 'strategy']), 'rollingUpdate') ?? ctx.pair(ctx.at(['spec']), 'strategy') ?? ctx.specAnchor();
      ctx.report({ at: anchor, variant: 'unset' });
      return;
    }
    const value = ctx.str(['maxUnavailable'], rolling);
    if (value === '0' || value === '0%') return;
    ctx.report({ at: valueOf(pair), args: { value: value ?? '?' } });
  },
});
