import { defineRule, valueOf } from '../../types';

/** With concurrencyPolicy Allow, a slow run overlaps the next one, and the overlap can snowball. */
export const cronjobConcurrencyAllow = defineRule({
  id: 'cronjob-concurrency-allow',
  category: 'jobs',
  severity: 'warning',
  kinds: ['CronJob'],
  fixes: ['set-cronjob-concurrency-forbid'],
  guide: ['2.4.2'],
  title: { en: 'CronJob runs may overlap', 'zh-CN': 'CronJob 的多次运行可能重叠' },
  messages: {
    default: {
      en: 'concurrencyPolicy is Allow: when a run takes longer than the schedule interval, the next one starts alongside it, so two runs work on the same data and slow runs pile up; use Forbid (skip the new run) or Replace (stop the old one)',
      'zh-CN': 'concurrencyPolicy 为 Allow：某次运行超过调度间隔时，下一次会与它同时运行，两次运行处理同一份数据，慢的运行还会越积越多；请改用 Forbid（跳过新的运行）或 Replace（停止旧的运行）',
    },
    unset: {
      en: 'No concurrencyPolicy: the default, Allow, starts the next run even while the previous one is still going, so two runs work on the same data and slow runs pile up; set concurrencyPolicy to Forbid (skip the new run) or Replace (stop the old one)',
      'zh-CN': '未设置 concurrencyPolicy：默认值 Allow 会在上一次运行尚未结束时启动下一次，两次运行处理同一份数据，慢的运行还会越积越多；请把 concurrencyPolicy 设为 Forbid（跳过新的运行）或 Replace（停止旧的运行）',
    },
  },
  check(ctx) {
    const pair = ctx.pair(ctx.at(['spec']), 'concurrencyPolicy');
    if (!pair) ctx.report({ at: ctx.specAnchor(), variant: 'unset' });
    else if (ctx.str(['spec', 'concurrencyPolicy']) === 'Allow') ctx.report({ at: valueOf(pair) });
  },
});
