import { defineRule } from '../../types';
import { reportSchemaIssues } from './shared';

/** A value of the wrong JSON type, as Kubernetes decodes YAML (`"3"` is a string, `yes` a boolean). */
export const schemaType = defineRule({
  id: 'schema/type',
  category: 'schema',
  severity: 'error',
  guide: ['2.1.2'],
  title: { en: 'Value has the wrong type', 'zh-CN': '值的类型错误' },
  messages: {
    default: {
      en: '`{field}` must be {expected}, but this is {actual}; the API server cannot decode it',
      'zh-CN': '`{field}` 应为{expected}，这里却是{actual}；API 服务器无法解码',
    },
    alternatives: {
      en: '`{field}` matches none of the forms its schema allows',
      'zh-CN': '`{field}` 不符合其 schema 允许的任何一种形式',
    },
  },
  check: (ctx) => reportSchemaIssues(ctx, 'type'),
});
