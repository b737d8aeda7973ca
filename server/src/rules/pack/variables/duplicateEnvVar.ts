import { findPair, get, scalarText } from '../../../model/nodes';
import { items } from '../../helpers';
import { containerLabel, POD_CARRIERS } from '../../podSpec';
import { defineRule, valueOf } from '../../types';

/** Two env entries with one name: the later silently replaces the earlier. */
export const duplicateEnvVar = defineRule({
  id: 'duplicate-env-var',
  category: 'variables',
  severity: 'warning',
  kinds: POD_CARRIERS,
  guide: ['2.1.2'],
  title: { en: 'Environment variable defined twice', 'zh-CN': '环境变量重复定义' },
  messages: {
    default: {
      en: 'Container `{name}` defines `{var}` a second time in env: only the last entry takes effect, so the earlier value is silently dropped, and `kubectl apply` merges this list by name and can drop or mix up entries; keep a single `{var}` entry',
      'zh-CN': '容器 `{name}` 的 env 中第二次定义了 `{var}`：只有最后一项生效，前面的值会被悄悄丢弃；而且 `kubectl apply` 按名称合并该列表，可能丢失或混淆条目；请只保留一个 `{var}` 条目',
    },
  },
  check(ctx) {
    const reported = new Set<unknown>();
    for (const pod of ctx.podSpecs()) {
      for (const c of pod.containers) {
        const seen = new Set<string>();
        for (const entry of items(get(c.node, 'env', ctx.anchors), ctx.anchors)) {
          const pair = findPair(entry, 'name', ctx.anchors);
          const v = scalarText(ctx.anchors.resolve(pair?.value));
          if (!pair || v === undefined) continue;
          if (seen.has(v) && !reported.has(pair)) {
            reported.add(pair);
            ctx.report({ at: valueOf(pair), args: { name: containerLabel(c), var: v } });
          }
          seen.add(v);
        }
      }
    }
  },
});
