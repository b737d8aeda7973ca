import { defineRule, valueOf } from '../../types';
import { cronProblem } from './cron';

/** A CronJob's schedule must parse as the API server parses it: five cron fields or a macro, without a time zone. */
export const cronjobScheduleInvalid = defineRule({
  id: 'cronjob-schedule-invalid',
  category: 'api',
  severity: 'error',
  kinds: ['CronJob'],
  guide: ['2.4.2'],
  title: { en: 'Invalid CronJob schedule', 'zh-CN': 'CronJob 调度表达式无效' },
  messages: {
    default: {
      en: 'Schedule `{schedule}`: the {field} field `{text}` is not valid cron syntax (numbers, `*`, ranges `a-b`, steps `/n` and lists `a,b`); the API server rejects it',
      'zh-CN': '调度表达式 `{schedule}`：{field}字段 `{text}` 不是有效的 cron 语法（数字、`*`、范围 `a-b`、步长 `/n` 和列表 `a,b`）；API 服务器会拒绝',
    },
    range: {
      en: 'Schedule `{schedule}`: the {field} field `{text}` is out of range ({min}–{max}); the API server rejects it',
      'zh-CN': '调度表达式 `{schedule}`：{field}字段 `{text}` 超出范围（{min}–{max}）；API 服务器会拒绝',
    },
    order: {
      en: 'Schedule `{schedule}`: the {field} range `{text}` starts after it ends; the API server rejects it; write the smaller number first',
      'zh-CN': '调度表达式 `{schedule}`：{field}范围 `{text}` 的起点大于终点；API 服务器会拒绝；请把较小的数写在前面',
    },
    step: {
      en: 'Schedule `{schedule}`: the step in the {field} field `{text}` must be a positive number; the API server rejects a step of 0',
      'zh-CN': '调度表达式 `{schedule}`：{field}字段 `{text}` 中的步长必须是正数；API 服务器会拒绝步长 0',
    },
    fields: {
      en: 'Schedule `{schedule}` has {count} fields: a CronJob schedule has exactly five (minute hour day-of-month month day-of-week) and no seconds or year field; the API server rejects it',
      'zh-CN': '调度表达式 `{schedule}` 有 {count} 个字段：CronJob 调度表达式恰好有五个字段（分 时 日 月 周），没有秒和年字段；API 服务器会拒绝',
    },
    macro: {
      en: 'Schedule `{schedule}` is not a known macro: use @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly or `@every <duration>`, or five cron fields; the API server rejects it',
      'zh-CN': '调度表达式 `{schedule}` 不是可识别的宏：请使用 @yearly、@annually、@monthly、@weekly、@daily、@midnight、@hourly 或 `@every <时长>`，或五个 cron 字段；API 服务器会拒绝',
    },
    tz: {
      en: 'Schedule `{schedule}` carries a time zone (TZ= or CRON_TZ=): the API server no longer accepts one in the schedule; remove it and set spec.timeZone instead',
      'zh-CN': '调度表达式 `{schedule}` 中带有时区（TZ= 或 CRON_TZ=）：API 服务器已不再接受写在调度表达式中的时区；请删除它并改为设置 spec.timeZone',
    },
    empty: {
      en: 'The CronJob schedule is empty: the API server requires one; set five cron fields such as "0 2 * * *"',
      'zh-CN': 'CronJob 的调度表达式为空：API 服务器要求必须设置；请填写五个 cron 字段，例如 "0 2 * * *"',
    },
    missing: {
      en: 'The CronJob has no spec.schedule: the API server requires one; set five cron fields such as "0 2 * * *"',
      'zh-CN': 'CronJob 没有 spec.schedule：API 服务器要求必须设置；请填写五个 cron 字段，例如 "0 2 * * *"',
    },
  },
  check(ctx) {
    const spec = ctx.at(['spec']);
    const pair = ctx.pair(spec, 'schedule');
    if (!pair) {
      if (spec) ctx.report({ at: ctx.specAnchor(), variant: 'missing' });
      return;
    }
    const schedule = ctx.str(['schedule'], spec) ?? '';
    const problem = cronProblem(schedule);
    if (!problem) return;
    const at = valueOf(pair);
    if (problem.kind === 'field') {
      const bounds = BOUNDS[problem.field];
      const field = { en: bounds.en, 'zh-CN': bounds.zh };
      const variant = problem.reason === 'syntax' ? 'default' : problem.reason;
      ctx.report({ at, variant, args: { schedule, field, text: problem.text, min: bounds.min, max: bounds.max } });
    } else if (problem.kind === 'fields') ctx.report({ at, variant: 'fields', args: { schedule, count: problem.count } });
    else ctx.report({ at, variant: problem.kind, args: { schedule } });
  },
});

const BOUNDS: Record<string, { en: string; zh: string; min: number; max: number }> = {
  minute: { en: 'minute', zh: '分钟', min: 0, max: 59 },
  hour: { en: 'hour', zh: '小时', min: 0, max: 23 },
  'day of month': { en: 'day-of-month', zh: '日期', min: 1, max: 31 },
  month: { en: 'month', zh: '月份', min: 1, max: 12 },
  'day of week': { en: 'day-of-week', zh: '星期', min: 0, max: 6 },
};
