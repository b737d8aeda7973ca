import { defineRule } from '../../types';
import { reportSchemaIssues } from './shared';

/** A field the schema requires is missing (or null, which Kubernetes reads as unset). */
export const schemaRequired = defineRule({
  id: 'schema/required',
  category: 'schema',
  severity: 'error',
  guide: ['2.1.2'],
  title: { en: 'Required field is missing', 'zh-CN': '缺少必填字段' },
  messages: {
    default: {
      en: '`{parent}` lacks the required field `{field}`; the API server rejects it without one',
      'zh-CN': '`{parent}` 缺少必填字段 `{field}`；没有它，API 服务器会拒绝',
    },
  },
  check: (ctx) => reportSchemaIssues(ctx, 'required'),
});
