import { defineRule } from '../../types';

/** Without a deadline, a hung Job runs (and holds its resources) forever; backoffLimit only counts failures. */
export const jobActiveDeadlineMissing = defineRule({
  id: 'job-active-deadline-missing',
  category: 'jobs',
  severity: 'info',
  kinds: ['Job', 'CronJob'],
  guide: ['2.4.1', '2.4.2'],
  title: { en: 'Job has no time limit', 'zh-CN': 'Job 没有运行时限' },
  messages: {
    default: {
      en: 'Job has no activeDeadlineSeconds: a run that hangs instead of failing is never stopped, keeps its pods and resources, and backoffLimit does not help because nothing fails; set activeDeadlineSeconds to a generous upper bound of the expected run time',
      'zh-CN': 'Job 未设置 activeDeadlineSeconds：卡住而不是失败的运行永远不会被终止，会一直占用 Pod 和资源，而 backoffLimit 只统计失败次数，对此无能为力；请把 activeDeadlineSeconds 设为预期运行时间的宽松上限',
    },
    cronjob: {
      en: 'The CronJob\'s job template has no activeDeadlineSeconds: a run that hangs is never stopped, and with concurrencyPolicy Forbid it also blocks every later run; set jobTemplate.spec.activeDeadlineSeconds below the schedule interval',
      'zh-CN': 'CronJob 的 Job 模板未设置 activeDeadlineSeconds：卡住的运行永远不会被终止，若 concurrencyPolicy 为 Forbid 还会阻塞之后的所有运行；请设置 jobTemplate.spec.activeDeadlineSeconds，并使其小于调度间隔',
    },
  },
  check(ctx) {
    if (ctx.resource.kind === 'Job') {
      if (!ctx.pair(ctx.at(['spec']), 'activeDeadlineSeconds')) ctx.report({ at: ctx.specAnchor() });
      return;
    }
    const jobTemplate = ctx.at(['spec', 'jobTemplate']);
    if (!jobTemplate) return;
    const jobSpec = ctx.at(['spec'], jobTemplate);
    if (ctx.pair(jobSpec, 'activeDeadlineSeconds')) return;
    ctx.report({ at: ctx.pair(jobTemplate, 'spec') ?? ctx.pair(ctx.at(['spec']), 'jobTemplate') ?? ctx.specAnchor(), variant: 'cronjob' });
  },
});
