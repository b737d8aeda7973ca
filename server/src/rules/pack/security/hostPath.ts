import { POD_CARRIERS } from '../../podSpec';
import { isMap, isScalar } from 'yaml';
import { mapPairs, scalarText } from '../../../model/nodes';
import { items } from '../../helpers';
import { defineRule } from '../../types';

/** Volume sources the restricted Pod Security Standard allows. */
export const RESTRICTED_VOLUME_TYPES: ReadonlySet<string> = new Set([
  'configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret',
]);

/**
 * Pod Security Standards "HostPath Volumes" (baseline) and "Volume Types" (restricted): no hostPath
 * volumes; in the restricted profile, only the allow-listed volume sources.
 */
export const hostPath = defineRule({
  id: 'host-path',
  category: 'security',
  severity: 'warning',
  pss: 'baseline',
  kinds: POD_CARRIERS,
  guide: ['8.1', '2.3.2'],
  title: { en: 'Pod mounts a host path or a disallowed volume type', 'zh-CN': 'Pod 挂载了宿主机路径或不被允许的卷类型' },
  messages: {
    default: {
      en: 'Volume `{name}` mounts the node\'s filesystem (hostPath `{path}`): the pod can read or change host files and escape its isolation; use a ConfigMap, Secret, emptyDir or PersistentVolumeClaim instead',
      'zh-CN': '卷 `{name}` 挂载了节点文件系统（hostPath `{path}`）：Pod 可读取或修改宿主机文件并突破隔离；请改用 ConfigMap、Secret、emptyDir 或 PersistentVolumeClaim',
    },
    restricted: {
      en: 'Volume `{name}` uses the `{type}` source, which the restricted Pod Security Standard does not allow; use a PersistentVolumeClaim (the storage is then defined by an administrator-managed PersistentVolume) or configMap, csi, downwardAPI, emptyDir, ephemeral, projected, secret',
      'zh-CN': '卷 `{name}` 使用了 `{type}` 类型，restricted Pod 安全标准不允许；请改用 PersistentVolumeClaim（由管理员管理的 PersistentVolume 定义存储），或 configMap、csi、downwardAPI、emptyDir、ephemeral、projected、secret',
    },
  },
  check(ctx) {
    const restricted = ctx.settings.profile === 'restricted';
    for (const pod of ctx.podSpecs()) {
      for (const volume of items(ctx.at(['volumes'], pod.spec), ctx.anchors)) {
        if (!isMap(volume)) continue;
        const name = ctx.str(['name'], volume) ?? '?';
        for (const p of mapPairs(volume, ctx.anchors)) {
          const type = scalarText(p.key);
          const value = ctx.anchors.resolve(p.value);
          if (!type || type === 'name' || !value || (isScalar(value) && value.value === null)) continue;
          if (type === 'hostPath') {
            ctx.report({ at: p, args: { name, path: ctx.str(['hostPath', 'path'], volume) ?? '?' } });
          } else if (restricted && !RESTRICTED_VOLUME_TYPES.has(type)) {
            ctx.report({ at: p, variant: 'restricted', args: { name, type } });
          }
        }
      }
    }
  },
});
