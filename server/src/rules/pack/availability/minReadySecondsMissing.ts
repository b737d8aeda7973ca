import { defineRule } from '../../types';
import { replicasOf } from './shared';
import { isFragment } from '../../helpers';

/** A pod that turns ready and crashes a moment later should not count as available during a rollout. */
export const minReadySecondsMissing = defineRule({
  id: 'min-ready-seconds-missing',
  category: 'availability',
  severity: 'warning',
  kinds: ['Deployment', 'StatefulSet', 'DaemonSet'],
  guide: ['2.1.2', '2.2.2', '2.3.2', '10.3'],
  title: { en: 'Rollout does not wait for new pods to stay ready', 'zh-CN': '滚动更新不等待新 Pod 稳定就绪' },
  messages: {
    default: {
      en: '{kind} has no minReadySeconds: a new pod counts as available the moment its readiness probe first passes, so the rollout moves on even if the pod crashes seconds later; set minReadySeconds (e.g. 10–30)',
      'zh-CN': '{kind} 未设置 minReadySeconds：新 Pod 在就绪探针首次通过时即被视为可用，即使它几秒后崩溃，滚动更新也会继续推进；请设置 minReadySeconds（例如 10–30）',
    },
  },
  check(ctx) {
    const { kind } = ctx.resource;
    if (kind === 'Deployment' && ctx.str(['spec', 'strategy', 'type']) === 'Recreate') return;
    if (kind !== 'Deployment' && ctx.str(['spec', 'updateStrategy', 'type']) === 'OnDelete') return;
    if (kind !== 'DaemonSet' && replicasOf(ctx) === 0) return;
    if (ctx.pair(ctx.at(['spec']), 'minReadySeconds') || isFragment(ctx)) return;
    ctx.report({ at: ctx.specAnchor(), args: { kind } });
  },
});
