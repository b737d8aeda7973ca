import { defineRule, valueOf } from '../../types';

const isZero = (v: string | undefined) => v !== undefined && /^0+%?$/.test(v.trim());

/** A rolling update must be able to replace pods: not both limits zero, and for a DaemonSet exactly one of them non-zero. */
export const rollingUpdateNoProgress = defineRule({
  id: 'rolling-update-no-progress',
  category: 'api',
  severity: 'error',
  kinds: ['Deployment', 'DaemonSet'],
  guide: ['2.1.2', '2.3.2', '10.3'],
  title: { en: 'Rolling update that cannot proceed', 'zh-CN': '无法推进的滚动更新' },
  messages: {
    default: {
      en: 'maxUnavailable is {value} and maxSurge is {surge}: a rollout that may neither remove an old pod nor add a new one cannot proceed, and the API server rejects the {kind}; set maxSurge to at least 1 for zero-downtime updates',
      'zh-CN': 'maxUnavailable 为 {value} 且 maxSurge 为 {surge}：既不能删除旧 Pod 也不能新增 Pod 的滚动更新无法推进，API 服务器会拒绝该 {kind}；要零停机更新，请把 maxSurge 设为至少 1',
    },
    daemonSet: {
      en: 'maxUnavailable is {value} and maxSurge is not set (it defaults to 0 for a DaemonSet): the rollout cannot replace any pod and the API server rejects it; set maxSurge to 1 or maxUnavailable to at least 1',
      'zh-CN': 'maxUnavailable 为 {value} 且未设置 maxSurge（DaemonSet 中默认为 0）：滚动更新无法替换任何 Pod，API 服务器会拒绝；请把 maxSurge 设为 1，或把 maxUnavailable 设为至少 1',
    },
    daemonSetBoth: {
      en: 'A DaemonSet rolling update uses either maxSurge or maxUnavailable, not both: maxSurge is {surge} and maxUnavailable is {value}, and the API server rejects it; to surge, set maxUnavailable: 0',
      'zh-CN': 'DaemonSet 的滚动更新只能使用 maxSurge 或 maxUnavailable 之一，不能同时使用：maxSurge 为 {surge}，maxUnavailable 为 {value}，API 服务器会拒绝；如需 surge，请设置 maxUnavailable: 0',
    },
    daemonSetSurge: {
      en: 'maxSurge is {surge} but maxUnavailable is not set, so it defaults to 1: a DaemonSet rolling update uses either maxSurge or maxUnavailable, not both, and the API server rejects it; add maxUnavailable: 0',
      'zh-CN': 'maxSurge 为 {surge}，但未设置 maxUnavailable，其默认值为 1：DaemonSet 的滚动更新只能使用 maxSurge 或 maxUnavailable 之一，API 服务器会拒绝；请添加 maxUnavailable: 0',
    },
  },
  check(ctx) {
    const { kind } = ctx.resource;
    const strategyKey = kind === 'Deployment' ? 'strategy' : 'updateStrategy';
    const strategy = ctx.at(['spec', strategyKey]);
    const type = ctx.str(['type'], strategy);
    if (type !== undefined && type !== 'RollingUpdate') return;
    const rolling = ctx.at(['rollingUpdate'], strategy);
    const unavailablePair = ctx.pair(rolling, 'maxUnavailable');
    const unavailable = ctx.str(['maxUnavailable'], rolling);
    const surge = ctx.str(['maxSurge'], rolling);
    const surgePair = ctx.pair(rolling, 'maxSurge');
    if (kind === 'DaemonSet' && surgePair && surge !== undefined && !isZero(surge) && !isZero(unavailable)) {
      ctx.report({ at: valueOf(surgePair), variant: unavailable === undefined ? 'daemonSetSurge' : 'daemonSetBoth', args: { surge, value: unavailable ?? '1' } });
      return;
    }
    if (!unavailablePair || !isZero(unavailable)) return;
    if (isZero(surge)) ctx.report({ at: valueOf(unavailablePair), args: { value: unavailable!, surge: surge!, kind } });
    else if (kind === 'DaemonSet' && surge === undefined) ctx.report({ at: valueOf(unavailablePair), variant: 'daemonSet', args: { value: unavailable! } });
  },
});
