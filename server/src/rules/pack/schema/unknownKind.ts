import { defineRule } from '../../types';
import { reportSchemaIssues } from './shared';

/** A kind no schema describes: not built in, not a bundled CRD, not defined by a CRD in the workspace. */
export const unknownKind = defineRule({
  id: 'schema/unknown-kind',
  category: 'schema',
  severity: 'info',
  guide: ['5.3', '5.4', '6.2'],
  title: { en: 'No schema for this kind', 'zh-CN': '此类型没有 schema' },
  messages: {
    default: {
      en: 'No schema describes `{kind}` in `{apiVersion}`: it is not a built-in kind and no CustomResourceDefinition in the workspace defines it, so its fields go unchecked',
      'zh-CN': '没有描述 `{apiVersion}` 中 `{kind}` 的 schema：它不是内置类型，工作区中也没有定义它的 CustomResourceDefinition，因此其字段未经检查',
    },
    version: {
      en: 'The CustomResourceDefinition of `{kind}` does not serve `{apiVersion}` (it serves {versions}), so its fields go unchecked and the API server would not accept it',
      'zh-CN': '`{kind}` 的 CustomResourceDefinition 未提供 `{apiVersion}`（它提供的版本：{versions}），因此其字段未经检查，API 服务器也不会接受它',
    },
  },
  check: (ctx) => reportSchemaIssues(ctx, 'unknown-kind'),
});
