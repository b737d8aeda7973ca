import { defineRule } from '../../types';
import { reportSchemaIssues } from './shared';

/** A value outside the fixed set of values a field accepts. */
export const schemaEnum = defineRule({
  id: 'schema/enum',
  category: 'schema',
  severity: 'error',
  fixes: ['replace-enum-value'],
  guide: ['2.1.2', '3.5'],
  title: { en: 'Value is not one of the allowed values', 'zh-CN': '值不在允许的取值范围内' },
  messages: {
    default: {
      en: '`{value}` is not a value `{field}` accepts; use one of {allowed}',
      'zh-CN': '`{field}` 不接受 `{value}`；可用的值：{allowed}',
    },
  },
  check: (ctx) => reportSchemaIssues(ctx, 'enum'),
});
