import { defineRule, valueOf } from '../../types';

/** With no old revisions kept, `kubectl rollout undo` has nothing to go back to. */
export const revisionHistoryZero = defineRule({
  id: 'revision-history-zero',
  category: 'availability',
  severity: 'warning',
  kinds: ['Deployment', 'StatefulSet', 'DaemonSet'],
  guide: ['2.1.2', '7.3.3', '9.3'],
  title: { en: 'No rollout history is kept', 'zh-CN': '不保留滚动更新历史' },
  messages: {
    default: {
      en: 'revisionHistoryLimit is 0: the controller deletes every old revision, so `kubectl rollout undo` cannot roll this {kind} back after a bad release; keep a few (e.g. 3–10) or remove the field (default 10)',
      'zh-CN': 'revisionHistoryLimit 为 0：控制器会删除所有旧版本，发布出错后 `kubectl rollout undo` 无法回滚此 {kind}；请保留若干版本（例如 3–10），或删除该字段（默认 10）',
    },
  },
  check(ctx) {
    const pair = ctx.pair(ctx.at(['spec']), 'revisionHistoryLimit');
    if (pair && ctx.str(['spec', 'revisionHistoryLimit']) === '0') ctx.report({ at: valueOf(pair), args: { kind: ctx.resource.kind } });
  },
});
