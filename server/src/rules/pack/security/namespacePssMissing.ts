import { defineRule, valueOf } from '../../types';

const LABEL = 'pod-security.kubernetes.io/enforce';
const LEVELS = new Set(['privileged', 'baseline', 'restricted']);

/** The guide's §8.1 namespace: Pod Security admission enforces a level only where the namespace is labelled. */
export const namespacePssMissing = defineRule({
  id: 'namespace-pss-missing',
  category: 'security',
  severity: 'warning',
  kinds: ['Namespace'],
  fixes: ['fix-namespace-pss-missing'],
  guide: ['8.1'],
  title: { en: 'Namespace enforces no Pod Security level', 'zh-CN': '命名空间未强制执行 Pod 安全级别' },
  messages: {
    default: {
      en: 'Namespace `{name}` has no `pod-security.kubernetes.io/enforce` label: Pod Security admission falls back to the cluster default (usually privileged), so any pod is admitted; add the label with baseline or restricted',
      'zh-CN': '命名空间 `{name}` 没有 `pod-security.kubernetes.io/enforce` 标签：Pod 安全准入会沿用集群默认值（通常是 privileged），任何 Pod 都会被接纳；请添加该标签并设为 baseline 或 restricted',
    },
    invalid: {
      en: '`{value}` is not a Pod Security level: use privileged, baseline or restricted',
      'zh-CN': '`{value}` 不是有效的 Pod 安全级别：请使用 privileged、baseline 或 restricted',
    },
  },
  check(ctx) {
    const labels = ctx.at(['metadata', 'labels']);
    const pair = ctx.pair(labels, LABEL);
    const name = ctx.resource.name ?? '?';
    if (!pair) {
      const anchor = ctx.pair(ctx.at(['metadata']), 'labels') ?? ctx.pair(ctx.resource.node, 'metadata') ?? ctx.resource.kindSpan;
      ctx.report({ at: anchor, args: { name } });
      return;
    }
    const value = ctx.str(['metadata', 'labels', LABEL]) ?? '';
    if (!LEVELS.has(value)) ctx.report({ at: valueOf(pair), variant: 'invalid', args: { value } });
  },
});
