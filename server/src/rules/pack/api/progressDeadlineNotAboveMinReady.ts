import { defineRule, valueOf } from '../../types';

/** A Deployment's progress deadline must leave room for minReadySeconds, or the API server refuses it. */
export const progressDeadlineNotAboveMinReady = defineRule({
  id: 'progress-deadline-not-above-min-ready',
  category: 'api',
  severity: 'error',
  kinds: ['Deployment'],
  guide: ['2.1.2', '7.3.3'],
  title: { en: 'progressDeadlineSeconds is not above minReadySeconds', 'zh-CN': 'progressDeadlineSeconds 不大于 minReadySeconds' },
  messages: {
    default: {
      en: 'progressDeadlineSeconds ({deadline}) must be greater than minReadySeconds ({minReady}): a new pod counts as available only after minReadySeconds, so the deadline would expire before any progress could be seen; the API server rejects it; raise progressDeadlineSeconds',
      'zh-CN': 'progressDeadlineSeconds（{deadline}）必须大于 minReadySeconds（{minReady}）：新 Pod 要过了 minReadySeconds 才算可用，截止时间会在看到任何进展之前到期，API 服务器会拒绝；请调大 progressDeadlineSeconds',
    },
    unset: {
      en: 'minReadySeconds ({minReady}) is not below the default progressDeadlineSeconds of 600: the API server rejects the Deployment; set progressDeadlineSeconds above {minReady} or lower minReadySeconds',
      'zh-CN': 'minReadySeconds（{minReady}）不小于 progressDeadlineSeconds 的默认值 600：API 服务器会拒绝该 Deployment；请把 progressDeadlineSeconds 设为大于 {minReady}，或调小 minReadySeconds',
    },
  },
  check(ctx) {
    const spec = ctx.at(['spec']);
    const minReady = ctx.num(['minReadySeconds'], spec) ?? 0;
    const deadlinePair = ctx.pair(spec, 'progressDeadlineSeconds');
    const deadline = ctx.num(['progressDeadlineSeconds'], spec);
    if (deadlinePair && deadline !== undefined) {
      if (deadline <= minReady) ctx.report({ at: valueOf(deadlinePair), args: { deadline, minReady } });
      return;
    }
    const minReadyPair = ctx.pair(spec, 'minReadySeconds');
    if (minReadyPair && minReady >= 600) ctx.report({ at: valueOf(minReadyPair), variant: 'unset', args: { minReady } });
  },
});
