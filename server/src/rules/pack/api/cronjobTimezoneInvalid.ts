import { defineRule, valueOf } from '../../types';
import { timeZoneProblem } from './timeZone';

/** spec.timeZone must name a zone of the IANA database as the API server loads it. */
export const cronjobTimezoneInvalid = defineRule({
  id: 'cronjob-timezone-invalid',
  category: 'api',
  severity: 'error',
  kinds: ['CronJob'],
  guide: ['2.4.2'],
  title: { en: 'Invalid CronJob time zone', 'zh-CN': 'CronJob 时区无效' },
  messages: {
    default: {
      en: 'timeZone `{zone}` is not a time zone of the IANA database: the API server rejects the CronJob; use a name such as Asia/Shanghai, Europe/Berlin or Etc/UTC',
      'zh-CN': 'timeZone `{zone}` 不是 IANA 时区数据库中的时区：API 服务器会拒绝该 CronJob；请使用 Asia/Shanghai、Europe/Berlin 或 Etc/UTC 这样的名称',
    },
    case: {
      en: 'timeZone `{zone}` is spelled in the wrong case: zone names are case-sensitive and the API server rejects it; write `{suggestion}`',
      'zh-CN': 'timeZone `{zone}` 大小写不正确：时区名称区分大小写，API 服务器会拒绝；请写成 `{suggestion}`',
    },
    local: {
      en: 'timeZone `{zone}` is not allowed: it would depend on the controller manager\'s machine, so the API server requires an explicit IANA zone such as Asia/Shanghai or Etc/UTC',
      'zh-CN': 'timeZone 不能为 `{zone}`：它会取决于 controller-manager 所在机器，API 服务器要求明确的 IANA 时区，例如 Asia/Shanghai 或 Etc/UTC',
    },
    empty: {
      en: 'timeZone is an empty string: the API server rejects it; remove the field to use the controller manager\'s time zone, or name an IANA zone such as Etc/UTC',
      'zh-CN': 'timeZone 为空字符串：API 服务器会拒绝；删除该字段即使用 controller-manager 的时区，或填写 IANA 时区，例如 Etc/UTC',
    },
  },
  check(ctx) {
    const spec = ctx.at(['spec']);
    const pair = ctx.pair(spec, 'timeZone');
    const node = ctx.at(['timeZone'], spec);
    if (!pair || node === undefined) return;
    const zone = ctx.str(['timeZone'], spec);
    if (zone === undefined) return;
    const problem = timeZoneProblem(zone);
    if (!problem) return;
    ctx.report({ at: valueOf(pair), variant: problem.kind === 'unknown' ? 'default' : problem.kind, args: { zone, suggestion: problem.kind === 'case' ? problem.suggestion : '' } });
  },
});
