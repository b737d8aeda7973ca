import { mention, relatedTo, scaledResources, selfMetrics, selfNamespace, selfTarget, targetKind, targeting } from '../../../cross/helpers';
import { controlledResources } from '../../../index/facts';
import { defineRule, valueOf } from '../../types';

/** VPA update modes that change the requests of running pods. */
const ACTIVE = new Set(['Auto', 'Recreate', 'InPlaceOrRecreate']);

/** An HPA scaling on cpu/memory and a VPA resizing the same resource of the same pods fight each other. */
export const hpaVpaConflict = defineRule({
  id: 'hpa-vpa-conflict',
  category: 'cross',
  severity: 'warning',
  kinds: ['HorizontalPodAutoscaler', 'ScaledObject', 'VerticalPodAutoscaler'],
  guide: ['5.3', '10.3'],
  title: { en: 'HPA and VPA act on the same resource', 'zh-CN': 'HPA 与 VPA 作用于同一资源' },
  messages: {
    default: {
      en: '{self} `{name}` scales {workload} on {resources}, while {other} resizes the {resources} requests of the same pods (updateMode {mode}): every VPA change moves the utilization the autoscaler measures, so the two fight and replicas and requests swing; scale on other metrics, or limit the VPA to other resources or to updateMode: Off',
      'zh-CN': '{self} `{name}` 按 {resources} 扩缩 {workload}，而 {other} 同时在调整这些 Pod 的 {resources} requests（updateMode {mode}）：VPA 的每次调整都会改变自动扩缩器度量的利用率，两者相互干扰，副本数和 requests 来回波动；请改用其他指标扩缩，或让 VPA 只管理其他资源、或使用 updateMode: Off',
    },
    vpa: {
      en: 'VerticalPodAutoscaler `{name}` resizes the {resources} requests of {workload} (updateMode {mode}), which {other} scales on {resources}: every VPA change moves the utilization the HPA measures, so the two fight and replicas and requests swing; use updateMode: Off (recommendations only), drop {resources} from controlledResources, or scale on other metrics',
      'zh-CN': 'VerticalPodAutoscaler `{name}` 在调整 {workload} 的 {resources} requests（updateMode {mode}），而 {other} 正按 {resources} 扩缩它：VPA 的每次调整都会改变 HPA 度量的利用率，两者相互干扰，副本数和 requests 来回波动；请使用 updateMode: Off（仅给出建议）、从 controlledResources 中去掉 {resources}，或改用其他指标扩缩',
    },
  },
  check(ctx) {
    const index = ctx.index;
    const target = index && selfTarget(ctx);
    if (!index || !target) return;
    const namespace = selfNamespace(ctx, index);
    const workload = `${targetKind(target.ref)}/${target.ref.name}`;
    const base = { name: ctx.resource.name ?? '?', self: ctx.resource.kind, workload };
    if (ctx.resource.kind === 'VerticalPodAutoscaler') {
      const mode = ctx.str(['spec', 'updatePolicy', 'updateMode']) ?? 'Auto';
      const controlled = controlledResources(ctx.at(['spec']), ctx.anchors);
      if (!ACTIVE.has(mode)) return;
      const modePair = ctx.pair(ctx.at(['spec', 'updatePolicy']), 'updateMode');
      for (const scaler of targeting(index, target.ref, namespace)) {
        const shared = scaledResources(scaler).filter((r) => controlled.includes(r));
        if (shared.length) ctx.report({ at: modePair ? valueOf(modePair) : target.at, variant: 'vpa', args: { ...base, mode, resources: shared.join(', '), other: mention(scaler) }, related: [relatedTo(scaler)] });
      }
      return;
    }
    const metrics = selfMetrics(ctx);
    for (const vpa of targeting(index, target.ref, namespace, ['VerticalPodAutoscaler'])) {
      const mode = vpa.facts.updateMode ?? 'Auto';
      const shared = metrics.filter((m) => ACTIVE.has(mode) && vpa.facts.controlledResources?.includes(m.resource));
      if (!shared.length) continue;
      const resources = [...new Set(shared.map((m) => m.resource))].join(', ');
      ctx.report({ at: shared[0].at, args: { ...base, mode, resources, other: mention(vpa) }, related: [relatedTo(vpa)] });
    }
  },
});
