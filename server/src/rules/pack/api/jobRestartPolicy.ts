import { defineRule, valueOf } from '../../types';

/** A Job's pods must not restart forever: the API server accepts only OnFailure or Never. */
export const jobRestartPolicy = defineRule({
  id: 'job-restart-policy',
  category: 'api',
  severity: 'error',
  kinds: ['Job', 'CronJob'],
  fixes: ['set-restart-policy-never'],
  guide: ['2.4.1'],
  title: { en: 'Job pods cannot use restartPolicy Always', 'zh-CN': 'Job 的 Pod 不能使用 restartPolicy: Always' },
  messages: {
    default: {
      en: 'A {kind} pod template needs restartPolicy OnFailure or Never; the API server rejects `{value}`',
      'zh-CN': '{kind} 的 Pod 模板需要 restartPolicy 为 OnFailure 或 Never；API 服务器会拒绝 `{value}`',
    },
    unset: {
      en: 'A {kind} pod template must set restartPolicy (OnFailure or Never): the default, Always, is rejected',
      'zh-CN': '{kind} 的 Pod 模板必须设置 restartPolicy（OnFailure 或 Never）：默认值 Always 会被拒绝',
    },
  },
  check(ctx) {
    for (const pod of ctx.podSpecs()) {
      const pair = ctx.pair(pod.spec, 'restartPolicy');
      const value = ctx.str(['restartPolicy'], pod.spec);
      if (!pair) ctx.report({ at: pod.specPair ?? ctx.specAnchor(), variant: 'unset', args: { kind: ctx.resource.kind } });
      else if (value !== 'OnFailure' && value !== 'Never') ctx.report({ at: valueOf(pair), args: { kind: ctx.resource.kind, value: value ?? '' } });
    }
  },
});
