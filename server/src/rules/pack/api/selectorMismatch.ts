import { isMap, isSeq } from 'yaml';
import { scalarText } from '../../../model/nodes';
import { selects } from '../../../index/selector';
import { readSelector, stringMap } from '../../helpers';
import { defineRule, valueOf } from '../../types';
import { keyedPairs } from './shared';

const SELECTOR_REQUIRED = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet']);

/** A controller's selector must select its own pod template, or the API server refuses the object. */
export const selectorMismatch = defineRule({
  id: 'selector-mismatch',
  category: 'api',
  severity: 'error',
  kinds: ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ReplicationController', 'Job'],
  fixes: ['fix-selector-mismatch'],
  guide: ['2.1.2', '2.2.2', '2.3.2'],
  title: { en: 'Selector does not match the pod template labels', 'zh-CN': '选择器与 Pod 模板标签不匹配' },
  messages: {
    default: {
      en: 'selector requires `{key}: {value}` but the pod template has `{key}: {actual}`: the API server rejects a {kind} whose selector does not select its own pod template; make the template labels and the selector agree',
      'zh-CN': '选择器要求 `{key}: {value}`，但 Pod 模板中是 `{key}: {actual}`：选择器选不中自身 Pod 模板的 {kind} 会被 API 服务器拒绝；请让模板标签与选择器一致',
    },
    absent: {
      en: 'selector requires `{key}: {value}` but the pod template has no `{key}` label: the API server rejects a {kind} whose selector does not select its own pod template; add the label to the template',
      'zh-CN': '选择器要求 `{key}: {value}`，但 Pod 模板没有 `{key}` 标签：选择器选不中自身 Pod 模板的 {kind} 会被 API 服务器拒绝；请在模板中加上该标签',
    },
    expression: {
      en: 'selector expression on `{key}` ({operator}) is not satisfied by the pod template labels: the API server rejects a {kind} whose selector does not select its own pod template; change the expression or the template labels',
      'zh-CN': '选择器中针对 `{key}` 的表达式（{operator}）不被 Pod 模板标签满足：选择器选不中自身 Pod 模板的 {kind} 会被 API 服务器拒绝；请修改该表达式或模板标签',
    },
    missing: {
      en: 'A {kind} in {apiVersion} must set spec.selector (matchLabels taken from the pod template labels); the API server rejects it without one',
      'zh-CN': '{apiVersion} 中的 {kind} 必须设置 spec.selector（matchLabels 取自 Pod 模板标签）；缺少它会被 API 服务器拒绝',
    },
    empty: {
      en: 'spec.selector is empty: the API server rejects a {kind} with an empty selector, since it would claim every pod in the namespace; select the pod template labels',
      'zh-CN': 'spec.selector 为空：API 服务器会拒绝选择器为空的 {kind}，因为它会认领命名空间中的所有 Pod；请选择 Pod 模板的标签',
    },
    manual: {
      en: 'manualSelector is true but the Job has no spec.selector: the API server rejects it; add a selector that matches the pod template labels, or drop manualSelector so one is generated',
      'zh-CN': 'manualSelector 为 true，但 Job 没有 spec.selector：API 服务器会拒绝；请添加与 Pod 模板标签匹配的选择器，或去掉 manualSelector 让系统自动生成',
    },
  },
  check(ctx) {
    const { kind, group, version } = ctx.resource;
    if (kind === 'Job' && ctx.str(['spec', 'manualSelector']) !== 'true') return;
    const spec = ctx.at(['spec']);
    const selectorPair = ctx.pair(spec, 'selector');
    const selectorNode = ctx.at(['selector'], spec);
    if (!selectorPair || !isMap(selectorNode)) {
      if (kind === 'Job') ctx.report({ at: ctx.pair(spec, 'manualSelector') ?? ctx.specAnchor(), variant: 'manual' });
      else if (SELECTOR_REQUIRED.has(kind) && group === 'apps' && version === 'v1' && isMap(ctx.at(['spec', 'template', 'metadata', 'labels']))) ctx.report({ at: selectorPair ?? ctx.specAnchor(), variant: 'missing', args: { kind, apiVersion: ctx.resource.apiVersion } });
      return;
    }
    const plain = kind === 'ReplicationController';
    const matchLabels = plain ? selectorNode : ctx.at(['matchLabels'], selectorNode);
    const exprs = plain ? undefined : ctx.at(['matchExpressions'], selectorNode);
    const required = keyedPairs(matchLabels, ctx.anchors);
    if (!required.length && !(isSeq(exprs) && exprs.items.length)) {
      if (SELECTOR_REQUIRED.has(kind)) ctx.report({ at: selectorPair, variant: 'empty', args: { kind } });
      return;
    }
    const template = ctx.at(['spec', 'template']);
    if (!isMap(template)) return;
    const labels = stringMap(ctx.at(['metadata', 'labels'], template), ctx.anchors);
    for (const { key, pair, value } of required) {
      const want = scalarText(value) ?? '';
      if (labels[key] === want) continue;
      const has = Object.prototype.hasOwnProperty.call(labels, key);
      ctx.report({ at: valueOf(pair), variant: has ? 'default' : 'absent', args: { key, value: want, kind, actual: labels[key] ?? '' } });
    }
    const selector = readSelector(selectorNode, ctx.anchors);
    if (!selector || !isSeq(exprs)) return;
    (selector.matchExpressions ?? []).forEach((e, i) => {
      if (selects({ matchExpressions: [e] }, labels)) return;
      const item = ctx.anchors.resolve(exprs.items[i]);
      if (item) ctx.report({ at: item, variant: 'expression', args: { key: e.key, operator: e.operator, kind } });
    });
  },
});
