import { mention, relatedTo, selfNamespace, selfTarget, targetKind, targeting } from '../../../cross/helpers';
import { defineRule } from '../../types';

/** KEDA drives a workload through an HPA of its own; a second HPA on the same workload fights it. */
export const kedaHpaConflict = defineRule({
  id: 'keda-hpa-conflict',
  category: 'cross',
  severity: 'error',
  kinds: ['HorizontalPodAutoscaler', 'ScaledObject'],
  guide: ['5.4', '5.1'],
  title: { en: 'ScaledObject and HPA scale the same workload', 'zh-CN': 'ScaledObject 与 HPA 扩缩同一个工作负载' },
  messages: {
    default: {
      en: 'HorizontalPodAutoscaler `{name}` and {other} both scale {workload}: KEDA scales through an HPA of its own (`{kedaHpa}`), so its admission webhook rejects the ScaledObject, and where the webhook is off two autoscalers set the replica count and undo each other; delete this HPA and move its metrics and behavior into the ScaledObject (triggers, advanced.horizontalPodAutoscalerConfig)',
      'zh-CN': 'HorizontalPodAutoscaler `{name}` 与 {other} 同时扩缩 {workload}：KEDA 通过自己的 HPA（`{kedaHpa}`）进行扩缩，因此其准入 Webhook 会拒绝该 ScaledObject；未启用 Webhook 时，两个自动扩缩器都在设置副本数并相互抵消；请删除此 HPA，把它的指标和 behavior 移到 ScaledObject 中（triggers、advanced.horizontalPodAutoscalerConfig）',
    },
    keda: {
      en: 'ScaledObject `{name}` scales {workload}, which {other} scales too: KEDA\'s admission webhook rejects this ScaledObject, and where the webhook is off the HPA that KEDA creates (`{kedaHpa}`) and that one set the replica count in turn and undo each other; remove {other}, or let KEDA adopt it (annotation scaledobject.keda.sh/transfer-hpa-ownership: "true" and advanced.horizontalPodAutoscalerConfig.name)',
      'zh-CN': 'ScaledObject `{name}` 扩缩 {workload}，而 {other} 也在扩缩它：KEDA 的准入 Webhook 会拒绝此 ScaledObject；未启用 Webhook 时，KEDA 创建的 HPA（`{kedaHpa}`）与它轮流设置副本数并相互抵消；请删除 {other}，或让 KEDA 接管它（注解 scaledobject.keda.sh/transfer-hpa-ownership: "true" 并设置 advanced.horizontalPodAutoscalerConfig.name）',
    },
  },
  check(ctx) {
    const index = ctx.index;
    const target = index && selfTarget(ctx);
    if (!index || !target) return;
    const keda = ctx.resource.kind === 'ScaledObject';
    const name = ctx.resource.name ?? '?';
    const ownHpa = ctx.str(['spec', 'advanced', 'horizontalPodAutoscalerConfig', 'name']) ?? `keda-hpa-${name}`;
    const others = targeting(index, target.ref, selfNamespace(ctx, index), [keda ? 'HorizontalPodAutoscaler' : 'ScaledObject']);
    for (const other of others) {
      const kedaHpa = keda ? ownHpa : other.facts.kedaHpaName ?? `keda-hpa-${other.name}`;
      if ((keda ? other.name : name) === kedaHpa) continue;
      const args = { name, other: mention(other), workload: `${targetKind(target.ref)}/${target.ref.name}`, kedaHpa };
      ctx.report({ at: target.at, variant: keda ? 'keda' : 'default', args, related: [relatedTo(other)] });
    }
  },
});
