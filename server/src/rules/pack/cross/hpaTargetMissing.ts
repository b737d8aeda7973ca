import { byLocation, mention, relatedTo, selfNamespace, selfTarget, targetKind, targetsNamed } from '../../../cross/helpers';
import { POD_CARRIERS } from '../../podSpec';
import { defineRule } from '../../types';

const WORKLOADS = POD_CARRIERS.filter((k) => k !== 'Pod');

/** An autoscaler whose target names no workload in its namespace acts on nothing. */
export const hpaTargetMissing = defineRule({
  id: 'hpa-target-missing',
  category: 'cross',
  severity: 'warning',
  kinds: ['HorizontalPodAutoscaler', 'ScaledObject', 'VerticalPodAutoscaler'],
  guide: ['5.2', '5.3', '5.4'],
  title: { en: 'Autoscaler target not found', 'zh-CN': '找不到自动扩缩器的目标' },
  messages: {
    default: {
      en: '{self} `{name}` targets {kind} `{target}`, but the workspace has no {kind} of that name in namespace `{namespace}`: the autoscaler acts on nothing (an HPA reports FailedGetScale); fix the name or kind, or add the workload',
      'zh-CN': '{self} `{name}` 的目标是 {kind} `{target}`，但工作区中命名空间 `{namespace}` 里没有该名称的 {kind}：自动扩缩器不会作用于任何对象（HPA 会报告 FailedGetScale）；请修正名称或 kind，或添加该工作负载',
    },
    kind: {
      en: '{self} `{name}` targets {kind} `{target}`, but in namespace `{namespace}` that name belongs to {other}: the reference matches by kind and name, so the autoscaler acts on nothing; set kind: {otherKind}',
      'zh-CN': '{self} `{name}` 的目标是 {kind} `{target}`，但在命名空间 `{namespace}` 中该名称属于 {other}：目标引用按 kind 和名称共同匹配，因此自动扩缩器不会作用于任何对象；请设置 kind: {otherKind}',
    },
    namespace: {
      en: '{self} `{name}` is in namespace `{namespace}`, but {other} is in namespace `{otherNamespace}`: an autoscaler only acts on workloads of its own namespace; put it in namespace `{otherNamespace}`',
      'zh-CN': '{self} `{name}` 位于命名空间 `{namespace}`，但 {other} 位于命名空间 `{otherNamespace}`：自动扩缩器只作用于同一命名空间的工作负载；请把它放到命名空间 `{otherNamespace}`',
    },
  },
  check(ctx) {
    const index = ctx.index;
    const target = index && selfTarget(ctx);
    if (!index || !target) return;
    const namespace = selfNamespace(ctx, index);
    if (targetsNamed(index, target.ref, namespace).length) return;
    const kind = targetKind(target.ref);
    const args = { self: ctx.resource.kind, name: ctx.resource.name ?? '?', kind, target: target.ref.name, namespace };
    const sameName = WORKLOADS.flatMap((k) => (k === kind ? [] : index.find({ kind: k, name: target.ref.name, namespace }))).sort(byLocation);
    if (sameName.length) {
      ctx.report({ at: target.at, variant: 'kind', args: { ...args, other: mention(sameName[0]), otherKind: sameName[0].kind }, related: [relatedTo(sameName[0])] });
      return;
    }
    const elsewhere = index.find({ kind, name: target.ref.name }).sort(byLocation);
    if (elsewhere.length) {
      const other = elsewhere[0];
      ctx.report({ at: target.at, variant: 'namespace', args: { ...args, other: mention(other), otherNamespace: index.namespaceOf(other) }, related: elsewhere.map((r) => relatedTo(r)) });
      return;
    }
    ctx.report({ at: target.at, args });
  },
});
