import { defineRule, valueOf } from '../../types';

/** Per-index retry limits only exist for Indexed Jobs; the API server refuses them elsewhere. */
export const backoffLimitPerIndexNeedsIndexed = defineRule({
  id: 'backoff-limit-per-index-needs-indexed',
  category: 'api',
  severity: 'error',
  kinds: ['Job', 'CronJob'],
  fixes: ['set-completion-mode-indexed'],
  guide: ['2.4.1'],
  title: { en: 'backoffLimitPerIndex without completionMode Indexed', 'zh-CN': 'backoffLimitPerIndex 未配合 completionMode: Indexed 使用' },
  messages: {
    default: {
      en: 'backoffLimitPerIndex needs completionMode: Indexed (here {mode}): only an Indexed Job has indexes to count retries for, and the API server rejects it otherwise; set completionMode: Indexed with completions, or use backoffLimit',
      'zh-CN': 'backoffLimitPerIndex 需要 completionMode: Indexed（此处为 {mode}）：只有 Indexed Job 才有可按索引计数重试的索引，否则 API 服务器会拒绝；请设置 completionMode: Indexed 和 completions，或改用 backoffLimit',
    },
    maxFailed: {
      en: 'maxFailedIndexes needs backoffLimitPerIndex (and completionMode: Indexed): the API server rejects it alone; add backoffLimitPerIndex or remove maxFailedIndexes',
      'zh-CN': 'maxFailedIndexes 需要配合 backoffLimitPerIndex（以及 completionMode: Indexed）：单独使用会被 API 服务器拒绝；请添加 backoffLimitPerIndex，或删除 maxFailedIndexes',
    },
  },
  check(ctx) {
    const spec = ctx.resource.kind === 'CronJob' ? ctx.at(['spec', 'jobTemplate', 'spec']) : ctx.at(['spec']);
    const perIndex = ctx.pair(spec, 'backoffLimitPerIndex');
    const maxFailed = ctx.pair(spec, 'maxFailedIndexes');
    const mode = ctx.str(['completionMode'], spec);
    if (perIndex && ctx.str(['backoffLimitPerIndex'], spec) !== undefined && mode !== 'Indexed') ctx.report({ at: valueOf(perIndex), args: { mode: mode ?? 'NonIndexed' } });
    if (maxFailed && ctx.str(['maxFailedIndexes'], spec) !== undefined && (!perIndex || ctx.str(['backoffLimitPerIndex'], spec) === undefined)) ctx.report({ at: valueOf(maxFailed), variant: 'maxFailed', fixes: [] });
  },
});
