import { containerLabel, POD_CARRIERS } from '../../podSpec';
import { defineRule, valueOf } from '../../types';
import { floats, parseImage } from './image';

/** An image without a tag or with `:latest` (and no digest) changes under the workload without a rollout. */
export const imageTagLatest = defineRule({
  id: 'image-tag-latest',
  category: 'security',
  severity: 'warning',
  kinds: POD_CARRIERS,
  guide: ['2.1.2'],
  title: { en: 'Image is not pinned to a version', 'zh-CN': '镜像未固定版本' },
  messages: {
    default: {
      en: 'Container `{name}` uses image `{image}` {how}: pods started at different times can run different code, and a rollback cannot bring back the previous build; pin a version tag or a @sha256 digest',
      'zh-CN': '容器 `{name}` 使用的镜像 `{image}` {how}：不同时间启动的 Pod 可能运行不同的代码，回滚也无法恢复之前的构建；请固定版本标签或 @sha256 摘要',
    },
  },
  check(ctx) {
    for (const pod of ctx.podSpecs()) {
      for (const c of pod.containers) {
        const image = ctx.str(['image'], c.node);
        const ref = image === undefined ? undefined : parseImage(image);
        if (!ref || !floats(ref)) continue;
        const how = ref.tag === undefined ? ['without a tag (it means :latest)', '没有标签（等同于 :latest）'] : ['with the :latest tag', '使用了 :latest 标签'];
        ctx.report({ at: valueOf(ctx.pair(c.node, 'image')!), args: { name: containerLabel(c), image: image!, how: { en: how[0], 'zh-CN': how[1] } } });
      }
    }
  },
});
