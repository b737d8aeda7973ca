import { defineRule } from '../../types';

/** Annotations by which Helm and Argo CD take over deleting a hook Job. */
const HOOK_ANNOTATIONS = ['helm.sh/hook', 'argocd.argoproj.io/hook'];

/** A finished Job and its pods stay in the cluster until someone deletes them. */
export const jobTtlMissing = defineRule({
  id: 'job-ttl-missing',
  category: 'jobs',
  severity: 'warning',
  kinds: ['Job'],
  fixes: ['set-job-ttl'],
  guide: ['2.4.1'],
  title: { en: 'Finished Job is never cleaned up', 'zh-CN': '已完成的 Job 不会被清理' },
  messages: {
    default: {
      en: 'Job has no ttlSecondsAfterFinished: once it completes or fails, the Job and its pods stay in the cluster until deleted by hand, piling up in the API server, and a changed Job of the same name cannot be applied while it exists; set ttlSecondsAfterFinished (e.g. 86400 to keep it a day for inspection)',
      'zh-CN': 'Job 未设置 ttlSecondsAfterFinished：完成或失败后，Job 及其 Pod 会一直留在集群中直到手动删除，不断堆积在 API 服务器中，且在其存在期间无法应用修改过的同名 Job；请设置 ttlSecondsAfterFinished（例如 86400，保留一天以便排查）',
    },
  },
  check(ctx) {
    const annotations = ctx.at(['metadata', 'annotations']);
    if (HOOK_ANNOTATIONS.some((a) => ctx.pair(annotations, a))) return;
    if (ctx.pair(ctx.at(['spec']), 'ttlSecondsAfterFinished')) return;
    ctx.report({ at: ctx.specAnchor() });
  },
});
