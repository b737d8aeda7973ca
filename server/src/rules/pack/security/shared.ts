import type { Node } from 'yaml';
import { containerLabel, type PodSpecView } from '../../podSpec';
import type { Localized } from '../../../service/messages';
import type { RuleContext } from '../../types';

/** Pods declared as Windows pods (`spec.os.name: windows`), which the Linux-only restricted controls exempt. */
export function isWindowsPod(ctx: RuleContext, pod: PodSpecView): boolean {
  return ctx.str(['os', 'name'], pod.spec) === 'windows';
}


/** The places a security setting can be written: the pod spec and each container, named in both languages. */
export function securityScopes(pod: PodSpecView): { node: Node; where: Localized }[] {
  return [
    { node: pod.spec, where: { en: 'the pod', 'zh-CN': 'Pod ' } },
    ...pod.containers.map((c) => ({ node: c.node as Node, where: { en: `container \`${containerLabel(c)}\``, 'zh-CN': `容器 \`${containerLabel(c)}\` ` } })),
  ];
}
