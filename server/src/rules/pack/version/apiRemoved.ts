import { apiLifecycle } from '../../../versions/apis';
import { defineRule, valueOf } from '../../types';

/** An apiVersion (for this kind) that Kubernetes stops serving at or before the window's last version. */
export const apiRemoved = defineRule({
  id: 'version/api-removed',
  category: 'version',
  severity: 'error',
  fixes: ['migrate-api-version'],
  guide: ['1.4'],
  title: { en: 'API version removed within the target window', 'zh-CN': 'API 版本在目标版本范围内已被移除' },
  messages: {
    default: {
      en: '{kind} `{apiVersion}` is no longer served from Kubernetes {removed} on, and your window reaches {max}: apply fails there; use `{replacement}`',
      'zh-CN': '{kind} `{apiVersion}` 从 Kubernetes {removed} 起不再提供，而你的目标版本范围到 {max}：在这些版本上应用会失败；请改用 `{replacement}`',
    },
    instead: {
      en: '{kind} `{apiVersion}` is no longer served from Kubernetes {removed} on, and your window reaches {max}; it has no direct successor: {instead}',
      'zh-CN': '{kind} `{apiVersion}` 从 Kubernetes {removed} 起不再提供，而你的目标版本范围到 {max}；它没有直接的替代版本：{instead}',
    },
  },
  check(ctx) {
    const { apiVersion, kind } = ctx.resource;
    const entry = apiLifecycle(apiVersion, kind);
    const pair = ctx.pair(ctx.resource.node, 'apiVersion');
    if (!entry || entry.removed === undefined || entry.removed > ctx.settings.kubernetes.max || !pair) return;
    const args = { kind, apiVersion, removed: `1.${entry.removed}`, max: `1.${ctx.settings.kubernetes.max}` };
    if (entry.replacement) ctx.report({ at: valueOf(pair), args: { ...args, replacement: entry.replacement } });
    else ctx.report({ at: valueOf(pair), variant: 'instead', args: { ...args, instead: entry.instead ?? '' }, fixes: [] });
  },
});
