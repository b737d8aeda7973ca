import { mention, relatedTo, selfNamespace, targeting } from '../../../cross/helpers';
import { defineRule, valueOf } from '../../types';

/** `spec.replicas` on an autoscaled workload is reset by every apply, undoing the autoscaler. */
export const hpaReplicasConflict = defineRule({
  id: 'hpa-replicas-conflict',
  category: 'cross',
  severity: 'warning',
  kinds: ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'],
  fixes: ['remove-replicas-under-hpa'],
  guide: ['5.2', '5.4'],
  title: { en: 'Autoscaled workload sets replicas', 'zh-CN': '被自动扩缩的工作负载设置了 replicas' },
  messages: {
    default: {
      en: '{kind} `{name}` sets replicas: {replicas} while {scaler} owns its replica count: every apply of this file resets the replica count to {replicas} until the autoscaler corrects it, which can scale a loaded service down; remove spec.replicas and let the autoscaler decide',
      'zh-CN': '{kind} `{name}` 设置了 replicas: {replicas}，而其副本数由 {scaler} 管理：每次 apply 该文件都会把副本数重置为 {replicas}，直到自动扩缩器再次修正，这可能让高负载的服务被缩容；请删除 spec.replicas，交由自动扩缩器决定',
    },
  },
  check(ctx) {
    const index = ctx.index;
    const pair = ctx.pair(ctx.at(['spec']), 'replicas');
    const name = ctx.resource.name;
    if (!index || !pair || !name) return;
    const scalers = targeting(index, { kind: ctx.resource.kind, name }, selfNamespace(ctx, index));
    if (!scalers.length) return;
    const args = { kind: ctx.resource.kind, name, replicas: ctx.str(['spec', 'replicas']) ?? '?', scaler: mention(scalers[0]) };
    ctx.report({ at: valueOf(pair), args, related: scalers.map((s) => relatedTo(s)) });
  },
});
