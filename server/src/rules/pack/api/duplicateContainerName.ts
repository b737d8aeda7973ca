import { isAlias, isSeq, type Node } from 'yaml';
import { findPair } from '../../../model/nodes';
import type { ContainerView } from '../../podSpec';
import { defineRule, valueOf, type RuleContext, type Target } from '../../types';

const LIST: Record<ContainerView['role'], string> = { container: 'containers', init: 'initContainers', sidecar: 'initContainers', ephemeral: 'ephemeralContainers' };

/** The list item of a container as written: an alias (`- *base`) stays an alias. */
function rawItem(ctx: RuleContext, c: ContainerView): Node | undefined {
  const seq = ctx.at(c.path.slice(0, -1));
  return isSeq(seq) ? (seq.items[c.index] as Node) : undefined;
}

/** Container names identify containers across all of a pod's lists, so each must be unique. */
export const duplicateContainerName = defineRule({
  id: 'duplicate-container-name',
  category: 'api',
  severity: 'error',
  guide: ['2.2.2'],
  title: { en: 'Two containers share a name', 'zh-CN': '两个容器同名' },
  messages: {
    default: {
      en: 'Container name `{name}` is already used in {first}: names must be unique across containers, initContainers and ephemeralContainers of a pod, and the API server rejects the duplicate; rename one of them',
      'zh-CN': '容器名 `{name}` 已在 {first} 中使用：同一 Pod 的 containers、initContainers 和 ephemeralContainers 中容器名必须唯一，API 服务器会拒绝重复的名称；请重命名其中一个',
    },
  },
  check(ctx) {
    for (const pod of ctx.podSpecs()) {
      const seen = new Map<string, string>();
      const named = pod.containers
        .filter((c) => c.name)
        .map((c) => ({ c, raw: rawItem(ctx, c) }))
        .sort((a, b) => (a.raw?.range?.[0] ?? 0) - (b.raw?.range?.[0] ?? 0));
      for (const { c, raw } of named) {
        const first = seen.get(c.name!);
        if (first === undefined) {
          seen.set(c.name!, LIST[c.role]);
          continue;
        }
        const pair = findPair(c.node, 'name', ctx.anchors);
        const at: Target | undefined = isAlias(raw) ? raw : pair && valueOf(pair);
        if (at) ctx.report({ at, args: { name: c.name!, first } });
      }
    }
  },
});
