import type { Localized } from '../service/messages';
import type { RuleDefinition } from './types';

/** YAML syntax errors, raised by the parser. */
export const syntaxRule: RuleDefinition = {
  id: 'syntax',
  category: 'yaml',
  severity: 'error',
  title: { en: 'YAML syntax error', 'zh-CN': 'YAML 语法错误' },
  messages: {
    default: { en: 'YAML syntax error: {detail}', 'zh-CN': 'YAML 语法错误：{detail}' },
  },
};

/** A mapping key written twice. */
export const duplicateKeyRule: RuleDefinition = {
  id: 'duplicate-key',
  category: 'yaml',
  severity: 'error',
  title: { en: 'Duplicate mapping key', 'zh-CN': '映射键重复' },
  messages: {
    default: {
      en: 'Key `{key}` appears twice in this mapping: kubectl rejects the file, and tools that accept it keep only one of the values',
      'zh-CN': '键 `{key}` 在同一映射中出现了两次：kubectl 会拒绝该文件，接受它的工具也只会保留其中一个值',
    },
  },
};

/** Bytes that are not valid in the file's encoding. */
export const encodingRule: RuleDefinition = {
  id: 'encoding',
  category: 'yaml',
  severity: 'error',
  title: { en: 'Invalid text encoding', 'zh-CN': '文本编码无效' },
  messages: {
    default: {
      en: 'The file is not valid {encoding}: these bytes were replaced by \ufffd; save the file as UTF-8',
      'zh-CN': '文件不是有效的 {encoding} 编码：这些字节已被替换为 \ufffd；请将文件保存为 UTF-8',
    },
  },
};

/** A file the CLI or the index could not read. */
export const readErrorRule: RuleDefinition = {
  id: 'read-error',
  category: 'yaml',
  severity: 'error',
  title: { en: 'File could not be read', 'zh-CN': '无法读取文件' },
  messages: {
    default: { en: 'The file could not be read: {reason}', 'zh-CN': '无法读取该文件：{reason}' },
  },
};

/** A file over a size limit (`workloadStudio.limits.*`): all of it, or its later documents, is not analysed. */
export const fileTooLargeRule: RuleDefinition = {
  id: 'limits/file-too-large',
  category: 'yaml',
  severity: 'info',
  title: { en: 'File over a size limit', 'zh-CN': '文件超出大小限制' },
  messages: {
    default: {
      en: 'This file is {actual} bytes, over the limit of {max} (`limits.maxFileSize`): it was not analysed; raise the setting or `.kws.yaml` limit to check it',
      'zh-CN': '此文件大小为 {actual} 字节，超过限制 {max}（`limits.maxFileSize`）：未对其进行分析；如需检查，请调高该设置或 `.kws.yaml` 中的限制',
    },
    maxLines: {
      en: 'This file has {actual} lines, over the limit of {max} (`limits.maxLines`): it was not analysed; raise the setting or `.kws.yaml` limit to check it',
      'zh-CN': '此文件有 {actual} 行，超过限制 {max}（`limits.maxLines`）：未对其进行分析；如需检查，请调高该设置或 `.kws.yaml` 中的限制',
    },
    lineLength: {
      en: 'This file has a line of {actual} characters, over {max} (an eighth of `limits.maxFileSize`): it was not analysed; raise the setting or `.kws.yaml` limit to check it',
      'zh-CN': '此文件有一行长达 {actual} 个字符，超过 {max}（`limits.maxFileSize` 的八分之一）：未对其进行分析；如需检查，请调高该设置或 `.kws.yaml` 中的限制',
    },
    resourceLines: {
      en: 'This file declares {actual} resources (`kind:` lines), far over the limit of {max} (`limits.maxResources`): it was not analysed; raise the setting or `.kws.yaml` limit to check it',
      'zh-CN': '此文件声明了 {actual} 个资源（`kind:` 行），远超限制 {max}（`limits.maxResources`）：未对其进行分析；如需检查，请调高该设置或 `.kws.yaml` 中的限制',
    },
    maxResources: {
      en: 'Only the first {max} resources of this file were analysed (`limits.maxResources`): from here on nothing is checked; raise the setting or `.kws.yaml` limit to check the rest',
      'zh-CN': '只分析了此文件的前 {max} 个资源（`limits.maxResources`）：从这里开始的内容均未检查；如需检查，请调高该设置或 `.kws.yaml` 中的限制',
    },
  },
};

/** A suppression comment or annotation that silenced nothing, or names no rule. */
export const unusedSuppressionRule: RuleDefinition = {
  id: 'unused-suppression',
  category: 'config',
  severity: 'hint',
  title: { en: 'Unused suppression', 'zh-CN': '未使用的抑制' },
  messages: {
    default: {
      en: 'This suppression of `{id}` silenced nothing; remove it',
      'zh-CN': '对 `{id}` 的抑制没有屏蔽任何问题，请删除',
    },
    unknown: {
      en: '`{id}` is not a Workload Studio rule id (see `kws rules`)',
      'zh-CN': '`{id}` 不是 Workload Studio 的规则 ID（参见 `kws rules`）',
    },
  },
};

/** A `.kws.yaml` that does not follow its schema. */
export const configInvalidRule: RuleDefinition = {
  id: 'config-invalid',
  category: 'config',
  severity: 'error',
  title: { en: 'Invalid .kws.yaml', 'zh-CN': '.kws.yaml 无效' },
  messages: {
    default: { en: 'Invalid .kws.yaml: {detail}; this part is ignored', 'zh-CN': '.kws.yaml 无效：{detail}；此部分将被忽略' },
  },
};

/** What each parser error means, in our words; the parser's own text follows as detail. */
export const SYNTAX_MESSAGES: Record<string, Localized> = {
  ALIAS_PROPS: { en: 'an alias cannot carry an anchor or a tag', 'zh-CN': '别名不能带锚点或标签' },
  BAD_ALIAS: { en: 'invalid alias', 'zh-CN': '别名无效' },
  BAD_DIRECTIVE: { en: 'invalid directive', 'zh-CN': '指令无效' },
  BAD_DQ_ESCAPE: { en: 'invalid escape sequence in a double-quoted string', 'zh-CN': '双引号字符串中的转义序列无效' },
  BAD_INDENT: { en: 'wrong indentation', 'zh-CN': '缩进错误' },
  BAD_PROP_ORDER: { en: 'anchors and tags must come before the value', 'zh-CN': '锚点和标签必须写在值之前' },
  BAD_SCALAR_START: { en: 'a plain value cannot start with this character; quote the value', 'zh-CN': '普通值不能以此字符开头，请给值加引号' },
  BLOCK_AS_IMPLICIT_KEY: { en: 'a block collection cannot be a mapping key', 'zh-CN': '块集合不能作为映射的键' },
  BLOCK_IN_FLOW: { en: 'block syntax inside a flow collection ([ ] or { })', 'zh-CN': '流式集合（[ ] 或 { }）中不能使用块语法' },
  KEY_OVER_1024_CHARS: { en: 'an implicit key cannot be longer than 1024 characters', 'zh-CN': '隐式键不能超过 1024 个字符' },
  MISSING_CHAR: { en: 'something is missing here (a closing quote or bracket, or a colon after a key)', 'zh-CN': '此处缺少字符（右引号、右括号或键后的冒号）' },
  MULTILINE_IMPLICIT_KEY: { en: 'a key must fit on one line (is a colon missing above?)', 'zh-CN': '键必须写在同一行内（上一行是否缺少冒号？）' },
  MULTIPLE_ANCHORS: { en: 'a node can have only one anchor', 'zh-CN': '一个节点只能有一个锚点' },
  MULTIPLE_TAGS: { en: 'a node can have only one tag', 'zh-CN': '一个节点只能有一个标签' },
  TAB_AS_INDENT: { en: 'tabs cannot indent YAML; use spaces', 'zh-CN': 'YAML 不能用制表符缩进，请使用空格' },
  TAG_RESOLVE_FAILED: { en: 'the value does not match its tag', 'zh-CN': '值与其标签不匹配' },
  UNEXPECTED_TOKEN: { en: 'unexpected content', 'zh-CN': '意外的内容' },
  UNRESOLVED_ALIAS: { en: 'alias to an anchor not defined before it', 'zh-CN': '别名引用的锚点未在其之前定义' },
  BAD_COLLECTION_TYPE: { en: 'the collection does not match its tag', 'zh-CN': '集合与其标签不匹配' },
  IMPOSSIBLE: { en: 'the parser could not read this', 'zh-CN': '解析器无法读取此处' },
};

export const SYNTAX_FALLBACK: Localized = { en: 'invalid YAML', 'zh-CN': '无效的 YAML' };
