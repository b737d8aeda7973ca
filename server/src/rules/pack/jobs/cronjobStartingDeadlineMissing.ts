import { defineRule } from '../../types';

/** Without a starting deadline, a missed run starts however late the controller gets to it. */
export const cronjobStartingDeadlineMissing = defineRule({
  id: 'cronjob-starting-deadline-missing',
  category: 'jobs',
  severity: 'warning',
  kinds: ['CronJob'],
  fixes: ['set-starting-deadline'],
  guide: ['2.4.2'],
  title: { en: 'CronJob has no starting deadline', 'zh-CN': 'CronJob 没有启动截止时间' },
  messages: {
    default: {
      en: 'CronJob has no startingDeadlineSeconds: a run missed while the controller was down, the CronJob was suspended, or (with Forbid) the previous run was still going is started however late it is — a 02:00 job may run at noon — and more than 100 missed runs only raise a TooManyMissedTimes warning; set startingDeadlineSeconds (e.g. 300) so that late runs are skipped',
      'zh-CN': 'CronJob 未设置 startingDeadlineSeconds：控制器停机期间、CronJob 挂起期间或（Forbid 策略下）上一次运行尚未结束时错过的运行，无论多晚都会被补启动——凌晨 2 点的任务可能在中午运行；错过超过 100 次也只会产生 TooManyMissedTimes 警告；请设置 startingDeadlineSeconds（例如 300），让过晚的运行被跳过',
    },
  },
  check(ctx) {
    if (!ctx.pair(ctx.at(['spec']), 'startingDeadlineSeconds')) ctx.report({ at: ctx.specAnchor() });
  },
});
