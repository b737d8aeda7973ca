import { reportSelectsNothing } from '../../../cross/helpers';
import { stringMap } from '../../helpers';
import { defineRule } from '../../types';

/** A Service whose selector selects no pods in its namespace has no endpoints. */
export const serviceSelectorMatchesNothing = defineRule({
  id: 'service-selector-matches-nothing',
  category: 'cross',
  severity: 'warning',
  kinds: ['Service'],
  guide: ['2.2.2', '7.1'],
  title: { en: 'Service selector matches no pods', 'zh-CN': 'Service 的选择器没有匹配任何 Pod' },
  messages: {
    default: {
      en: 'Service `{name}` selects `{selector}` but no workload in namespace `{namespace}` has pods with these labels: the Service gets no endpoints and every connection to it fails; make the selector match the pod template labels of the workload it fronts',
      'zh-CN': 'Service `{name}` 选择 `{selector}`，但命名空间 `{namespace}` 中没有工作负载的 Pod 带有这些标签：该 Service 没有任何端点，所有连接都会失败；请让选择器与它所服务的工作负载的 Pod 模板标签一致',
    },
    closest: {
      en: 'Service `{name}` selects `{selector}` but no workload in namespace `{namespace}` has pods with all these labels (closest: {closest}): the Service gets no endpoints and every connection to it fails; make the selector match the pod template labels of the workload it fronts',
      'zh-CN': 'Service `{name}` 选择 `{selector}`，但命名空间 `{namespace}` 中没有工作负载的 Pod 同时带有这些标签（最接近的：{closest}）：该 Service 没有任何端点，所有连接都会失败；请让选择器与它所服务的工作负载的 Pod 模板标签一致',
    },
  },
  check(ctx) {
    const index = ctx.index;
    const spec = ctx.at(['spec']);
    const labels = stringMap(ctx.at(['selector'], spec), ctx.anchors);
    const at = ctx.pair(spec, 'selector');
    if (!index || !at || !Object.keys(labels).length || ctx.str(['spec', 'type']) === 'ExternalName') return;
    reportSelectsNothing(ctx, index, { matchLabels: labels }, at);
  },
});
