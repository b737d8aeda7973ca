import { defineRule, valueOf } from '../../types';

/** podFailurePolicy judges failed pods, so the kubelet must not restart their containers in place. */
export const podFailurePolicyRestartPolicy = defineRule({
  id: 'pod-failure-policy-restart-policy',
  category: 'api',
  severity: 'error',
  kinds: ['Job', 'CronJob'],
  fixes: ['set-restart-policy-never'],
  guide: ['2.4.1'],
  title: { en: 'podFailurePolicy needs restartPolicy Never', 'zh-CN': 'podFailurePolicy 要求 restartPolicy 为 Never' },
  messages: {
    default: {
      en: 'This {kind} sets podFailurePolicy, so its pod template must use restartPolicy Never; the API server rejects `{value}`, because with in-place restarts a pod never fails for the policy to judge',
      'zh-CN': '该 {kind} 设置了 podFailurePolicy，因此其 Pod 模板必须使用 restartPolicy: Never；API 服务器会拒绝 `{value}`，因为容器原地重启时 Pod 不会失败，策略无从判断',
    },
    policy: {
      en: 'podFailurePolicy requires the pod template to set restartPolicy: Never; it is {value} here, and the API server rejects the {kind}',
      'zh-CN': 'podFailurePolicy 要求 Pod 模板设置 restartPolicy: Never；此处为 {value}，API 服务器会拒绝该 {kind}',
    },
    unset: {
      en: 'podFailurePolicy requires the pod template to set restartPolicy: Never; it is not set (so Always), and the API server rejects the {kind}',
      'zh-CN': 'podFailurePolicy 要求 Pod 模板设置 restartPolicy: Never；此处未设置（即 Always），API 服务器会拒绝该 {kind}',
    },
  },
  check(ctx) {
    const jobSpec = ctx.resource.kind === 'CronJob' ? ctx.at(['spec', 'jobTemplate', 'spec']) : ctx.at(['spec']);
    const policyPair = ctx.pair(jobSpec, 'podFailurePolicy');
    if (!policyPair) return;
    for (const pod of ctx.podSpecs()) {
      const pair = ctx.pair(pod.spec, 'restartPolicy');
      const value = ctx.str(['restartPolicy'], pod.spec);
      if (value === 'Never') continue;
      if (value === 'OnFailure') ctx.report({ at: valueOf(pair!), args: { kind: ctx.resource.kind, value } });
      else ctx.report({ at: policyPair, variant: value === undefined ? 'unset' : 'policy', args: { kind: ctx.resource.kind, value: value ?? '' } });
    }
  },
});
