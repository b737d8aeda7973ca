import { defineRule } from '../../types';
import { reportSchemaIssues } from './shared';

/** A value of the right type in the wrong form: a quantity, an integer range, a date-time, base64, a pattern or a length. */
export const schemaFormat = defineRule({
  id: 'schema/format',
  category: 'schema',
  severity: 'error',
  guide: ['2.1.2', '4.1.1'],
  title: { en: 'Value is not in the required format', 'zh-CN': '值的格式不符合要求' },
  messages: {
    default: { en: '`{value}` is not in the form `{field}` requires', 'zh-CN': '`{value}` 不符合 `{field}` 要求的格式' },
    quantity: {
      en: '`{value}` is not a resource quantity (`{field}`): write a number with an optional unit such as `500m`, `128Mi` or `2Gi`; binary units end in `i`, and `GB` is not a unit',
      'zh-CN': '`{value}` 不是合法的资源数量（`{field}`）：请写数字加可选单位，如 `500m`、`128Mi` 或 `2Gi`；二进制单位以 `i` 结尾，`GB` 不是合法单位',
    },
    int32: {
      en: '`{value}` does not fit `{field}`, a 32-bit integer (-2147483648 to 2147483647)',
      'zh-CN': '`{value}` 超出了 `{field}` 的取值范围：它是 32 位整数（-2147483648 到 2147483647）',
    },
    int64: { en: '`{value}` is not a whole number, which `{field}` requires', 'zh-CN': '`{value}` 不是整数，而 `{field}` 要求整数' },
    dateTime: {
      en: '`{value}` is not an RFC 3339 date-time such as `2024-05-01T08:00:00Z`, which `{field}` requires',
      'zh-CN': '`{value}` 不是 RFC 3339 日期时间（如 `2024-05-01T08:00:00Z`），而 `{field}` 要求这种格式',
    },
    byte: { en: '`{value}` is not valid base64, which `{field}` requires', 'zh-CN': '`{value}` 不是合法的 base64 编码，而 `{field}` 要求如此' },
    pattern: {
      en: '`{value}` does not match the pattern `{pattern}` that `{field}` requires',
      'zh-CN': '`{value}` 不匹配 `{field}` 要求的模式 `{pattern}`',
    },
    minLength: { en: '`{value}` is too short for `{field}` (at least {limit} characters)', 'zh-CN': '`{value}` 对 `{field}` 来说太短（至少 {limit} 个字符）' },
    maxLength: { en: '`{value}` is too long for `{field}` (at most {limit} characters)', 'zh-CN': '`{value}` 对 `{field}` 来说太长（最多 {limit} 个字符）' },
    range: { en: '`{value}` is out of range for `{field}` (must be {limit})', 'zh-CN': '`{value}` 超出了 `{field}` 的范围（应满足 {limit}）' },
    tooFew: { en: '`{field}` needs at least {limit} entries', 'zh-CN': '`{field}` 至少需要 {limit} 项' },
    tooMany: { en: '`{field}` allows at most {limit} entries', 'zh-CN': '`{field}` 最多允许 {limit} 项' },
    unique: { en: '`{field}` lists the same entry more than once', 'zh-CN': '`{field}` 中有重复的条目' },
  },
  check: (ctx) => reportSchemaIssues(ctx, 'format'),
});
