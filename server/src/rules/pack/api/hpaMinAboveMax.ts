import { defineRule, valueOf } from '../../types';

/** An autoscaler's bounds must be a real range; the API server refuses an inverted or empty one. */
export const hpaMinAboveMax = defineRule({
  id: 'hpa-min-above-max',
  category: 'api',
  severity: 'error',
  kinds: ['HorizontalPodAutoscaler'],
  guide: ['5.1', '5.2', '9.1'],
  options: { allowScaleToZero: false },
  title: { en: 'HorizontalPodAutoscaler replica bounds are invalid', 'zh-CN': 'HorizontalPodAutoscaler 副本数范围无效' },
  messages: {
    default: {
      en: 'minReplicas ({min}) is above maxReplicas ({max}): the API server rejects the HorizontalPodAutoscaler; make maxReplicas at least minReplicas',
      'zh-CN': 'minReplicas（{min}）大于 maxReplicas（{max}）：API 服务器会拒绝该 HorizontalPodAutoscaler；请让 maxReplicas 不小于 minReplicas',
    },
    maxBelowOne: {
      en: 'maxReplicas is {max}: it must be at least 1 (and at least minReplicas, which defaults to 1); the API server rejects the HorizontalPodAutoscaler',
      'zh-CN': 'maxReplicas 为 {max}：它至少为 1（且不小于 minReplicas，其默认值为 1）；API 服务器会拒绝该 HorizontalPodAutoscaler',
    },
    zero: {
      en: 'minReplicas is 0: scaling to zero needs the alpha HPAScaleToZero feature gate and an Object or External metric, so a standard cluster rejects it; use minReplicas: 1 (or KEDA for scale to zero), or set this rule\'s allowScaleToZero option if your cluster enables the gate',
      'zh-CN': 'minReplicas 为 0：缩容到零需要 alpha 特性门控 HPAScaleToZero 以及 Object 或 External 指标，普通集群会拒绝；请使用 minReplicas: 1（或用 KEDA 实现缩容到零），若集群已开启该门控，可设置本规则的 allowScaleToZero 选项',
    },
    negative: {
      en: 'minReplicas is {min}: it must be at least 1; the API server rejects the HorizontalPodAutoscaler',
      'zh-CN': 'minReplicas 为 {min}：它至少为 1；API 服务器会拒绝该 HorizontalPodAutoscaler',
    },
  },
  check(ctx) {
    const spec = ctx.at(['spec']);
    const minPair = ctx.pair(spec, 'minReplicas');
    const maxPair = ctx.pair(spec, 'maxReplicas');
    const min = ctx.num(['minReplicas'], spec);
    const max = ctx.num(['maxReplicas'], spec);
    if (minPair && min !== undefined) {
      if (min < 0) ctx.report({ at: valueOf(minPair), variant: 'negative', args: { min } });
      else if (min === 0 && ctx.options.allowScaleToZero !== true) ctx.report({ at: valueOf(minPair), variant: 'zero' });
    }
    if (!maxPair || max === undefined) return;
    if (max < 1) ctx.report({ at: valueOf(maxPair), variant: 'maxBelowOne', args: { max } });
    else if (min !== undefined && min > max) ctx.report({ at: valueOf(maxPair), args: { min, max } });
  },
});
