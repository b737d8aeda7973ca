import { apiLifecycle } from '../../../versions/apis';
import { formatWindow } from '../../../versions/window';
import { defineRule, valueOf } from '../../types';

/** An apiVersion (for this kind) deprecated at some version of the window and still served at its last one. */
export const apiDeprecated = defineRule({
  id: 'version/api-deprecated',
  category: 'version',
  severity: 'warning',
  fixes: ['migrate-api-version'],
  guide: ['1.4'],
  title: { en: 'Deprecated API version in the target window', 'zh-CN': '目标版本范围内已弃用的 API 版本' },
  messages: {
    default: {
      en: '{kind} `{apiVersion}` is deprecated since Kubernetes {deprecated} and stops being served in {removed}; it still works in your window {window}, but move to `{replacement}` before upgrading',
      'zh-CN': '{kind} `{apiVersion}` 自 Kubernetes {deprecated} 起已弃用，并将在 {removed} 中停止提供；在你的目标版本范围 {window} 内仍可使用，但请在升级前改用 `{replacement}`',
    },
    kept: {
      en: '{kind} `{apiVersion}` is deprecated since Kubernetes {deprecated} (still served in your window {window}); prefer `{replacement}`',
      'zh-CN': '{kind} `{apiVersion}` 自 Kubernetes {deprecated} 起已弃用（在你的目标版本范围 {window} 内仍提供）；建议改用 `{replacement}`',
    },
    instead: {
      en: '{kind} `{apiVersion}` is deprecated since Kubernetes {deprecated} (still served in your window {window}); {instead}',
      'zh-CN': '{kind} `{apiVersion}` 自 Kubernetes {deprecated} 起已弃用（在你的目标版本范围 {window} 内仍提供）；{instead}',
    },
  },
  check(ctx) {
    const { apiVersion, kind } = ctx.resource;
    const { max } = ctx.settings.kubernetes;
    const entry = apiLifecycle(apiVersion, kind);
    const pair = ctx.pair(ctx.resource.node, 'apiVersion');
    if (!entry || entry.deprecated === undefined || entry.deprecated > max || (entry.removed !== undefined && entry.removed <= max) || !pair) return;
    const args = { kind, apiVersion, deprecated: `1.${entry.deprecated}`, window: formatWindow(ctx.settings.kubernetes) };
    if (!entry.replacement) ctx.report({ at: valueOf(pair), variant: 'instead', args: { ...args, instead: entry.instead ?? '' }, fixes: [] });
    else if (entry.removed === undefined) ctx.report({ at: valueOf(pair), variant: 'kept', args: { ...args, replacement: entry.replacement } });
    else ctx.report({ at: valueOf(pair), args: { ...args, removed: `1.${entry.removed}`, replacement: entry.replacement } });
  },
});
