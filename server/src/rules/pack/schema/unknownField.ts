import { defineRule } from '../../types';
import { reportSchemaIssues } from './shared';

/** A field the schema of the target version does not define (strict field validation rejects it). */
export const unknownField = defineRule({
  id: 'schema/unknown-field',
  category: 'schema',
  severity: 'error',
  fixes: ['rename-unknown-field'],
  guide: ['1.4', '2.1.2'],
  title: { en: 'Unknown field', 'zh-CN': '未知字段' },
  messages: {
    default: {
      en: 'Unknown field `{field}`: the schema has no `{name}` here, so kubectl rejects the manifest (strict field validation) or the API server drops the field',
      'zh-CN': '未知字段 `{field}`：此处的 schema 中没有 `{name}`，kubectl 会拒绝该清单（严格字段校验），或者 API 服务器会丢弃该字段',
    },
    suggest: {
      en: 'Unknown field `{field}`: the schema has no `{name}` here; did you mean `{suggestion}`?',
      'zh-CN': '未知字段 `{field}`：此处的 schema 中没有 `{name}`；是否想写 `{suggestion}`？',
    },
  },
  check: (ctx) => reportSchemaIssues(ctx, 'unknown-field'),
});
