import { nameAnchor, pdbsOf, relatedTo, scalersOf } from '../../../cross/helpers';
import { isFragment } from '../../helpers';
import { defineRule } from '../../types';

/** A replicated or autoscaled workload without a PodDisruptionBudget loses all its pods to one node drain. */
export const pdbMissing = defineRule({
  id: 'pdb-missing',
  category: 'cross',
  severity: 'warning',
  kinds: ['Deployment', 'StatefulSet'],
  fixes: ['add-pdb'],
  guide: ['4.2'],
  title: { en: 'No PodDisruptionBudget covers the workload', 'zh-CN': '没有 PodDisruptionBudget 覆盖该工作负载' },
  messages: {
    default: {
      en: '{kind} `{name}` runs {replicas} replicas but no PodDisruptionBudget selects its pods: a node drain or cluster upgrade may evict all of them at once; add a PDB (policy/v1)',
      'zh-CN': '{kind} `{name}` 运行 {replicas} 个副本，但没有 PodDisruptionBudget 选择其 Pod：节点排空或集群升级可能同时驱逐全部 Pod；请添加 PDB（policy/v1）',
    },
    scaled: {
      en: '{kind} `{name}` is scaled by {scaler} but no PodDisruptionBudget selects its pods: a node drain or cluster upgrade may evict all of them at once; add a PDB (policy/v1)',
      'zh-CN': '{kind} `{name}` 由 {scaler} 扩缩，但没有 PodDisruptionBudget 选择其 Pod：节点排空或集群升级可能同时驱逐全部 Pod；请添加 PDB（policy/v1）',
    },
  },
  check(ctx) {
    const index = ctx.index;
    if (!index || isFragment(ctx)) return;
    const replicas = ctx.num(['spec', 'replicas']) ?? 1;
    const scalers = scalersOf(ctx, index);
    if (replicas < 2 && !scalers.length) return;
    if (pdbsOf(ctx, index).length) return;
    const args = { kind: ctx.resource.kind, name: ctx.resource.name ?? '?', replicas };
    if (scalers.length) ctx.report({ at: nameAnchor(ctx), variant: 'scaled', args: { ...args, scaler: `${scalers[0].kind}/${scalers[0].name}` }, related: scalers.map((s) => relatedTo(s)) });
    else ctx.report({ at: nameAnchor(ctx), args });
  },
});
