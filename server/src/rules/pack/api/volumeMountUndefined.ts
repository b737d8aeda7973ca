import { isMap } from 'yaml';
import { containerLabel } from '../../podSpec';
import { items } from '../../helpers';
import { defineRule, valueOf } from '../../types';

/** A mount must name one of the pod's volumes (or, in a StatefulSet, one of its volume claim templates). */
export const volumeMountUndefined = defineRule({
  id: 'volume-mount-undefined',
  category: 'api',
  severity: 'error',
  guide: ['2.1.2', '2.2.2'],
  title: { en: 'Volume mount names no volume', 'zh-CN': '卷挂载引用了不存在的卷' },
  messages: {
    default: {
      en: 'Container `{name}` mounts volume `{volume}`, but the pod defines no volume of that name: the API server rejects the pod; add it under spec.volumes or fix the name',
      'zh-CN': '容器 `{name}` 挂载了卷 `{volume}`，但 Pod 中没有同名的卷：API 服务器会拒绝该 Pod；请在 spec.volumes 中添加它，或更正名称',
    },
    statefulSet: {
      en: 'Container `{name}` mounts volume `{volume}`, but neither the pod template volumes nor spec.volumeClaimTemplates define it: the StatefulSet cannot create its pods; add the volume or claim template, or fix the name',
      'zh-CN': '容器 `{name}` 挂载了卷 `{volume}`，但 Pod 模板的 volumes 和 spec.volumeClaimTemplates 中都没有定义它：StatefulSet 无法创建 Pod；请添加该卷或卷声明模板，或更正名称',
    },
    device: {
      en: 'Container `{name}` uses volume `{volume}` as a block device, but the pod defines no volume of that name: the API server rejects the pod; add a persistentVolumeClaim volume of that name or fix the name',
      'zh-CN': '容器 `{name}` 以块设备方式使用卷 `{volume}`，但 Pod 中没有同名的卷：API 服务器会拒绝该 Pod；请添加同名的 persistentVolumeClaim 卷，或更正名称',
    },
  },
  check(ctx) {
    const statefulSet = ctx.resource.kind === 'StatefulSet';
    const claims = statefulSet
      ? items(ctx.at(['spec', 'volumeClaimTemplates']), ctx.anchors).map((t) => ctx.str(['metadata', 'name'], t)).filter((n): n is string => !!n)
      : [];
    for (const pod of ctx.podSpecs()) {
      const defined = new Set([...claims, ...items(ctx.at(['volumes'], pod.spec), ctx.anchors).map((v) => ctx.str(['name'], v)).filter((n): n is string => !!n)]);
      for (const c of pod.containers) {
        for (const list of ['volumeMounts', 'volumeDevices'] as const) {
          for (const m of items(ctx.at([list], c.node), ctx.anchors)) {
            if (!isMap(m)) continue;
            const pair = ctx.pair(m, 'name');
            const volume = ctx.str(['name'], m);
            if (!pair || !volume || defined.has(volume)) continue;
            const variant = list === 'volumeDevices' ? 'device' : statefulSet ? 'statefulSet' : 'default';
            ctx.report({ at: valueOf(pair), variant, args: { name: containerLabel(c), volume } });
          }
        }
      }
    }
  },
});
