import { containerLabel, POD_CARRIERS } from '../../podSpec';
import { defineRule, valueOf } from '../../types';
import { floats, parseImage } from './image';

/** A floating image (`:latest` or untagged) with imagePullPolicy IfNotPresent: each node keeps whatever build it pulled first. */
export const imagePullPolicy = defineRule({
  id: 'image-pull-policy',
  category: 'security',
  severity: 'warning',
  kinds: POD_CARRIERS,
  fixes: ['fix-image-pull-policy'],
  guide: ['2.1.2'],
  title: { en: 'Floating image is never refreshed', 'zh-CN': '浮动标签的镜像不会被更新' },
  messages: {
    default: {
      en: 'Container `{name}` pulls `{image}` with imagePullPolicy IfNotPresent: a node that already has some build of this tag keeps running it, so nodes run different, possibly stale, code; pin a version tag or digest, or use imagePullPolicy Always',
      'zh-CN': '容器 `{name}` 以 imagePullPolicy IfNotPresent 拉取 `{image}`：节点上已有该标签的某个构建时会一直沿用，不同节点会运行不同甚至过期的代码；请固定版本标签或摘要，或使用 imagePullPolicy Always',
    },
  },
  check(ctx) {
    for (const pod of ctx.podSpecs()) {
      for (const c of pod.containers) {
        if (ctx.str(['imagePullPolicy'], c.node) !== 'IfNotPresent') continue;
        const image = ctx.str(['image'], c.node);
        const ref = image === undefined ? undefined : parseImage(image);
        if (!ref || !floats(ref)) continue;
        ctx.report({ at: valueOf(ctx.pair(c.node, 'imagePullPolicy')!), args: { name: containerLabel(c), image: image! } });
      }
    }
  },
});
