import { isMap, type Node } from 'yaml';
import { scalarText } from '../../../model/nodes';
import { items } from '../../helpers';
import { defineRule, valueOf, type RuleContext } from '../../types';
import { isLabelValue, keyedPairs, qualifiedNameProblem } from './shared';

const ANNOTATION_LIMIT = 256 * 1024;

const PLACEHOLDER = /\$\{|\$\(|\{\{/;

const LABEL_SELECTOR_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'PodDisruptionBudget']);
const PLAIN_SELECTOR_KINDS = new Set(['Service', 'ReplicationController']);

function checkKeys(ctx: RuleContext, map: Node | undefined, values: boolean): void {
  for (const { key, pair, value } of keyedPairs(map, ctx.anchors)) {
    if (PLACEHOLDER.test(key)) continue;
    const problem = qualifiedNameProblem(key);
    if (problem) {
      const name = key.slice(key.lastIndexOf('/') + 1);
      ctx.report({ at: pair, variant: problem === 'name' ? 'default' : problem, args: { key, name, length: name.length } });
      continue;
    }
    const text = scalarText(value);
    if (values && text !== undefined && !PLACEHOLDER.test(text) && !isLabelValue(text)) ctx.report({ at: valueOf(pair), variant: 'value', args: { key, value: text, length: text.length } });
  }
}

function checkMetadata(ctx: RuleContext, meta: Node | undefined): void {
  if (!isMap(meta)) return;
  checkKeys(ctx, ctx.at(['labels'], meta), true);
  const annotations = ctx.at(['annotations'], meta);
  checkKeys(ctx, annotations, false);
  let size = 0;
  for (const { key, value } of keyedPairs(annotations, ctx.anchors)) size += Buffer.byteLength(key, 'utf8') + Buffer.byteLength(scalarText(value) ?? '', 'utf8');
  const pair = ctx.pair(meta, 'annotations');
  if (size > ANNOTATION_LIMIT && pair) ctx.report({ at: pair, variant: 'size', args: { size } });
}

function checkSelector(ctx: RuleContext, selector: Node | undefined): void {
  if (!isMap(selector)) return;
  checkKeys(ctx, ctx.at(['matchLabels'], selector), true);
  for (const e of items(ctx.at(['matchExpressions'], selector), ctx.anchors)) {
    const keyNode = ctx.at(['key'], e);
    const key = scalarText(keyNode);
    const problem = key !== undefined && !PLACEHOLDER.test(key) ? qualifiedNameProblem(key) : undefined;
    if (problem && keyNode) {
      const name = key!.slice(key!.lastIndexOf('/') + 1);
      ctx.report({ at: keyNode, variant: problem === 'name' ? 'default' : problem, args: { key: key!, name, length: name.length } });
    }
    for (const v of items(ctx.at(['values'], e), ctx.anchors)) {
      const text = scalarText(v);
      if (text !== undefined && !PLACEHOLDER.test(text) && !isLabelValue(text)) ctx.report({ at: v, variant: 'value', args: { key: key ?? '?', value: text, length: text.length } });
    }
  }
}

/** Label and annotation keys, label values and selector terms must have the syntax the API server accepts. */
export const labelInvalid = defineRule({
  id: 'label-invalid',
  category: 'api',
  severity: 'error',
  guide: ['2.1.2', '1.2'],
  title: { en: 'Invalid label or annotation', 'zh-CN': '标签或注解无效' },
  messages: {
    default: {
      en: 'Key `{key}` is invalid: its name part `{name}` ({length} characters) must be 1–63 letters, digits, `-`, `_` or `.`, starting and ending with a letter or digit; the API server rejects it',
      'zh-CN': '键 `{key}` 无效：名称部分 `{name}`（{length} 个字符）必须是 1–63 个字母、数字、`-`、`_` 或 `.`，并以字母或数字开头和结尾；API 服务器会拒绝',
    },
    prefix: {
      en: 'Key `{key}` is invalid: the prefix before `/` must be a non-empty DNS subdomain (lower-case letters, digits, `-` and `.`, at most 253 characters); the API server rejects it',
      'zh-CN': '键 `{key}` 无效：`/` 之前的前缀必须是非空的 DNS 子域名（小写字母、数字、`-` 和 `.`，最多 253 个字符）；API 服务器会拒绝',
    },
    slashes: {
      en: 'Key `{key}` has more than one `/`: a key is an optional DNS-subdomain prefix, a single `/`, and a name; the API server rejects it',
      'zh-CN': '键 `{key}` 包含多个 `/`：键由可选的 DNS 子域名前缀、一个 `/` 和名称组成；API 服务器会拒绝',
    },
    value: {
      en: 'Label value `{value}` of `{key}` is invalid ({length} characters): a label value is empty or at most 63 letters, digits, `-`, `_` or `.`, starting and ending with a letter or digit; the API server rejects it; keep longer or free-form text in an annotation',
      'zh-CN': '`{key}` 的标签值 `{value}` 无效（{length} 个字符）：标签值要么为空，要么是最多 63 个字母、数字、`-`、`_` 或 `.`，并以字母或数字开头和结尾；API 服务器会拒绝；较长或自由格式的文本请放在注解中',
    },
    size: {
      en: 'Annotations total {size} bytes: the API server rejects an object whose annotations exceed 256 KiB (262144 bytes) in all; move large content into a ConfigMap',
      'zh-CN': '注解总计 {size} 字节：注解合计超过 256 KiB（262144 字节）的对象会被 API 服务器拒绝；请把大段内容移到 ConfigMap 中',
    },
  },
  check(ctx) {
    const { kind } = ctx.resource;
    const metas = new Set<Node>();
    const meta = ctx.at(['metadata']);
    if (meta) metas.add(meta);
    if (kind === 'CronJob') {
      const jobMeta = ctx.at(['spec', 'jobTemplate', 'metadata']);
      if (jobMeta) metas.add(jobMeta);
      if (ctx.resource.group === 'batch') checkSelector(ctx, ctx.at(['spec', 'jobTemplate', 'spec', 'selector']));
    }
    for (const pod of ctx.podSpecs()) if (pod.metadata) metas.add(pod.metadata);
    for (const m of metas) checkMetadata(ctx, m);
    const builtIn = ['', 'apps', 'batch', 'policy', 'networking.k8s.io'].includes(ctx.resource.group);
    if (!builtIn) return;
    if (LABEL_SELECTOR_KINDS.has(kind)) checkSelector(ctx, ctx.at(['spec', 'selector']));
    else if (PLAIN_SELECTOR_KINDS.has(kind)) checkKeys(ctx, ctx.at(['spec', 'selector']), true);
    else if (kind === 'NetworkPolicy') checkSelector(ctx, ctx.at(['spec', 'podSelector']));
  },
});
