import type { Locale } from '../model/types';
import { profileLevel } from './levels';
import { allRules } from './registry';
import { PROFILES, type RuleCategory } from './types';

const LEVEL = { enum: ['error', 'warning', 'info', 'hint', 'off'] };

/** The JSON schema of the `workloadStudio.rules` setting, with every rule id of the registry. */
export function rulesSettingSchema(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const r of allRules()) {
    properties[r.id] = {
      markdownDescription: `${r.title.en} / ${r.title['zh-CN']}`,
      anyOf: [LEVEL, { type: 'object', properties: { severity: LEVEL, options: { type: 'object' } }, additionalProperties: false }],
    };
  }
  return { type: 'object', default: {}, scope: 'resource', markdownDescription: '%workloadStudio.rules%', properties, additionalProperties: false };
}

const CATEGORY: Record<RuleCategory, { en: string; 'zh-CN': string }> = {
  yaml: { en: 'YAML', 'zh-CN': 'YAML' },
  config: { en: 'Configuration', 'zh-CN': '配置' },
  schema: { en: 'Schema', 'zh-CN': '模式' },
  version: { en: 'Kubernetes versions', 'zh-CN': 'Kubernetes 版本' },
  api: { en: 'What the API server rejects', 'zh-CN': 'API 服务器会拒绝的问题' },
  probes: { en: 'Probes', 'zh-CN': '探针' },
  resources: { en: 'Resources', 'zh-CN': '资源' },
  availability: { en: 'Rollout and availability', 'zh-CN': '发布与可用性' },
  security: { en: 'Security', 'zh-CN': '安全' },
  jobs: { en: 'Jobs', 'zh-CN': '任务' },
  variables: { en: 'Variables', 'zh-CN': '变量' },
  cross: { en: 'Across resources', 'zh-CN': '跨资源' },
};

/** The rule index page: every rule by category with its severity in each profile. */
export function rulesIndexMarkdown(locale: Locale): string {
  const zh = locale === 'zh-CN';
  const lines = [
    zh ? '# 规则索引' : '# Rules',
    '',
    zh
      ? '本页由 `node scripts/sync-rules.mjs` 根据规则注册表生成。每列为该配置档下的严重级别。'
      : 'Generated from the rule registry by `node scripts/sync-rules.mjs`. Each column is the severity in that profile.',
    '',
  ];
  for (const [category, title] of Object.entries(CATEGORY)) {
    const rules = allRules().filter((r) => r.category === category);
    if (!rules.length) continue;
    lines.push(`## ${title[locale]}`, '', `| id | ${zh ? '标题' : 'title'} | ${PROFILES.join(' | ')} |`, `| --- | --- | ${PROFILES.map(() => '---').join(' | ')} |`);
    for (const r of rules) lines.push(`| [${r.id}](${r.id}.md) | ${r.title[locale]} | ${PROFILES.map((p) => profileLevel(r, p)).join(' | ')} |`);
    lines.push('');
  }
  return lines.join('\n');
}
