import { defineRule } from '../../types';
import { isFragment } from '../../helpers';

const CHANGE_CAUSE = 'kubernetes.io/change-cause';

/** `kubectl rollout history` shows each revision's change-cause; without it, picking a revision to undo to is guesswork. */
export const changeCauseMissing = defineRule({
  id: 'change-cause-missing',
  category: 'availability',
  severity: 'info',
  kinds: ['Deployment', 'StatefulSet', 'DaemonSet'],
  guide: ['9.3', '2.1.2'],
  title: { en: 'No change-cause annotation', 'zh-CN': '缺少 change-cause 注解' },
  messages: {
    default: {
      en: '{kind} has no `kubernetes.io/change-cause` annotation: `kubectl rollout history` lists its revisions with an empty CHANGE-CAUSE, which makes choosing a revision to roll back to guesswork; annotate each release with what changed (e.g. "upgrade to v2.1.0")',
      'zh-CN': '{kind} 没有 `kubernetes.io/change-cause` 注解：`kubectl rollout history` 列出的各版本 CHANGE-CAUSE 为空，回滚时难以判断该回到哪个版本；请在每次发布时注明变更内容（例如 "升级到 v2.1.0"）',
    },
  },
  check(ctx) {
    if (isFragment(ctx)) return;
    const metadata = ctx.at(['metadata']);
    const annotations = ctx.at(['annotations'], metadata);
    if (ctx.pair(annotations, CHANGE_CAUSE)) return;
    const at = ctx.pair(metadata, 'annotations') ?? ctx.pair(ctx.resource.node, 'metadata') ?? ctx.specAnchor();
    ctx.report({ at, args: { kind: ctx.resource.kind } });
  },
});
