import { builtInApi, relatedTo, selfNamespace, selfTarget, targetKind, targetsNamed } from '../../../cross/helpers';
import { defineRule, valueOf } from '../../types';

/** Built-in kinds without a `scale` subresource that autoscalers are pointed at by mistake. */
const UNSCALABLE = new Set([
  'Pod', 'DaemonSet', 'Job', 'CronJob', 'Service', 'ConfigMap', 'Secret', 'PodDisruptionBudget', 'HorizontalPodAutoscaler',
  'Ingress', 'PersistentVolumeClaim', 'ServiceAccount', 'PodTemplate', 'ControllerRevision', 'Namespace', 'Node',
]);

/** An HPA or ScaledObject can only scale kinds that serve the `scale` subresource. */
export const scaleTargetKind = defineRule({
  id: 'scale-target-kind',
  category: 'cross',
  severity: 'error',
  kinds: ['HorizontalPodAutoscaler', 'ScaledObject'],
  guide: ['5.2', '5.4'],
  title: { en: 'Scale target kind cannot be scaled', 'zh-CN': '扩缩目标的 kind 不支持扩缩' },
  messages: {
    default: {
      en: '{self} `{name}` targets {kind} `{target}`, which has no scale subresource: the autoscaler cannot read or set its replica count (FailedGetScale) and never scales; target the Deployment or StatefulSet that runs these pods',
      'zh-CN': '{self} `{name}` 的目标是 {kind} `{target}`，它没有 scale 子资源：自动扩缩器无法读取或设置其副本数（FailedGetScale），永远不会扩缩；请改为指向运行这些 Pod 的 Deployment 或 StatefulSet',
    },
    daemonset: {
      en: '{self} `{name}` targets DaemonSet `{target}`, which runs one pod per matching node and has no replica count to scale (FailedGetScale); scale the nodes instead, or run the pods as a Deployment if they should follow load',
      'zh-CN': '{self} `{name}` 的目标是 DaemonSet `{target}`：DaemonSet 在每个匹配节点上运行一个 Pod，没有可扩缩的副本数（FailedGetScale）；请改为扩缩节点，或者如果这些 Pod 需要随负载伸缩，改用 Deployment 运行',
    },
    job: {
      en: '{self} `{name}` targets {kind} `{target}`, which has no scale subresource (FailedGetScale): run-to-completion work is scaled by parallelism or by a KEDA ScaledJob, not by a HorizontalPodAutoscaler or ScaledObject',
      'zh-CN': '{self} `{name}` 的目标是 {kind} `{target}`，它没有 scale 子资源（FailedGetScale）：运行至完成的任务应通过 parallelism 或 KEDA ScaledJob 扩展，而不是 HorizontalPodAutoscaler 或 ScaledObject',
    },
  },
  check(ctx) {
    const index = ctx.index;
    const target = index && selfTarget(ctx);
    if (!index || !target) return;
    const kind = targetKind(target.ref);
    if (!UNSCALABLE.has(kind) || !builtInApi(target.ref.apiVersion)) return;
    const variant = kind === 'DaemonSet' ? 'daemonset' : kind === 'Job' || kind === 'CronJob' ? 'job' : 'default';
    const existing = targetsNamed(index, target.ref, selfNamespace(ctx, index));
    const args = { self: ctx.resource.kind, name: ctx.resource.name ?? '?', kind, target: target.ref.name };
    const kindPair = ctx.pair(ctx.at(['spec', 'scaleTargetRef']), 'kind');
    ctx.report({ at: kindPair ? valueOf(kindPair) : target.at, variant, args, related: existing.map((r) => relatedTo(r)) });
  },
});
