import { mention, relatedTo, scalersFor, selfNamespace } from '../../../cross/helpers';
import { admittedResources, containerLimitsIn, type ContainerLimits } from '../../../cross/limits';
import type { IndexedResource } from '../../../index/extract';
import type { TrackedIndex } from '../../../cross/trackedIndex';
import { stringMap } from '../../helpers';
import { addQuantities, compareQuantities, exactQuantity, formatQuantityLike, multiplyQuantities, type ExactQuantity } from '../../quantity';
import { defineRule } from '../../types';

const ZERO: ExactQuantity = { digits: 0n, exp10: 0, exp2: 0 };
const count = (n: number): ExactQuantity => ({ digits: BigInt(n), exp10: 0, exp2: 0 });
const max = (a: ExactQuantity, b: ExactQuantity) => (compareQuantities(a, b) >= 0 ? a : b);

/** What a `hard` key counts: pods, or the requests or limits of a compute resource; undefined for object counts and storage. */
function usageOf(key: string): { section: 'requests' | 'limits'; resource: string } | 'pods' | undefined {
  if (key === 'pods') return 'pods';
  if (['cpu', 'memory', 'ephemeral-storage'].includes(key)) return { section: 'requests', resource: key };
  const m = /^(requests|limits)\.(.+)$/.exec(key);
  return m && m[2] !== 'storage' ? { section: m[1] as 'requests' | 'limits', resource: m[2] } : undefined;
}

/** The most pods a workload runs: maxReplicas under an autoscaler (KEDA defaults it to 100), else replicas; undefined when not fixed (DaemonSet, Job, CronJob). */
function podsAtMost(index: TrackedIndex, w: IndexedResource): number | undefined {
  if (w.kind === 'Pod') return 1;
  if (w.facts.replicas === undefined) return undefined;
  const ceilings = scalersFor(index, w).map((s) => s.facts.maxReplicas ?? (s.kind === 'ScaledObject' ? 100 : w.facts.replicas ?? 1));
  return ceilings.length ? Math.max(...ceilings) : w.facts.replicas ?? 1;
}

/** What one pod of a workload counts against the quota: the larger of its longest init step and its running containers (sidecars included). */
function perPod(w: IndexedResource, usage: { section: 'requests' | 'limits'; resource: string }, limits: ContainerLimits[]): ExactQuantity {
  let sidecars = ZERO;
  let init = ZERO;
  let running = ZERO;
  for (const c of w.facts.containers ?? []) {
    const admitted = admittedResources(c, usage.resource, limits);
    const text = usage.section === 'requests' ? admitted.request : admitted.limit;
    const q = (text === undefined ? undefined : exactQuantity(text)) ?? ZERO;
    if (c.role === 'init') init = max(init, addQuantities(sidecars, q));
    else if (c.role === 'sidecar') sidecars = addQuantities(sidecars, q);
    else running = addQuantities(running, q);
  }
  return max(init, addQuantities(sidecars, running));
}

/** The workloads of a namespace, at their most replicas, need more than a ResourceQuota's hard value allows. */
export const quotaExceeded = defineRule({
  id: 'quota-exceeded',
  category: 'cross',
  severity: 'warning',
  kinds: ['ResourceQuota'],
  guide: ['4.1'],
  title: { en: 'Workloads need more than the ResourceQuota allows', 'zh-CN': '工作负载所需超过 ResourceQuota 的额度' },
  messages: {
    default: {
      en: 'The workloads of namespace `{namespace}` need {sum} of `{key}` but ResourceQuota `{name}` allows {budget} (largest: {top}; counted at their replicas, or at maxReplicas when an autoscaler scales them): pods beyond the budget are refused, so rollouts stall and autoscaling stops short; raise the quota or lower requests, limits or replica counts',
      'zh-CN': '命名空间 `{namespace}` 的工作负载共需要 {sum} 的 `{key}`，但 ResourceQuota `{name}` 只允许 {budget}（最大的几项：{top}；按副本数计算，由自动扩缩器扩缩的按 maxReplicas 计算）：超出额度的 Pod 会被拒绝，导致滚动更新卡住、自动扩容无法到位；请提高配额，或降低请求、限制或副本数',
    },
  },
  check(ctx) {
    const index = ctx.index;
    const spec = ctx.at(['spec']);
    if (!index || ctx.at(['scopes'], spec) || ctx.at(['scopeSelector'], spec)) return;
    const namespace = selfNamespace(ctx, index);
    const workloads = index.podCarriersIn(namespace).flatMap((w) => {
      const pods = podsAtMost(index, w);
      return pods === undefined ? [] : [{ w, pods }];
    });
    const limits = workloads.length ? containerLimitsIn(index, namespace) : [];
    for (const [key, budgetText] of workloads.length ? Object.entries(stringMap(ctx.at(['hard'], spec), ctx.anchors)) : []) {
      const usage = usageOf(key);
      const budget = exactQuantity(budgetText);
      const at = ctx.at(['hard', key], spec);
      if (!usage || !budget || !at) continue;
      const parts = workloads
        .map(({ w, pods }) => ({ w, pods, each: usage === 'pods' ? count(1) : perPod(w, usage, limits) }))
        .map((p) => ({ ...p, total: multiplyQuantities(p.each, count(p.pods)) }))
        .filter((p) => p.total.digits > 0n);
      const sum = parts.reduce((s, p) => addQuantities(s, p.total), ZERO);
      if (compareQuantities(sum, budget) <= 0) continue;
      const top = parts.sort((a, b) => compareQuantities(b.total, a.total)).slice(0, 3);
      const share = (p: (typeof top)[number]) => `${p.pods} × ${formatQuantityLike(p.each, budgetText)}`;
      const args = { namespace, key, name: ctx.resource.name ?? '?', budget: budgetText, sum: formatQuantityLike(sum, budgetText), top: top.map((p) => `${mention(p.w)} ${share(p)}`).join(', ') };
      ctx.report({ at, args, related: top.map((p) => relatedTo(p.w, `${mention(p.w)}: ${share(p)}`)) });
    }
  },
});
