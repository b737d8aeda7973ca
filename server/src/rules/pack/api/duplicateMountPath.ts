import { isMap, type Pair } from 'yaml';
import { containerLabel } from '../../podSpec';
import { items } from '../../helpers';
import { defineRule, valueOf } from '../../types';

/** A container can mount only one thing at a path; the API server refuses a second mount there. */
export const duplicateMountPath = defineRule({
  id: 'duplicate-mount-path',
  category: 'api',
  severity: 'error',
  guide: ['2.1.2', '2.2.2'],
  title: { en: 'Two mounts at one path', 'zh-CN': '同一路径上有两个挂载' },
  messages: {
    default: {
      en: 'Container `{name}` already mounts volume `{other}` at `{path}`: mount paths must be unique within a container and the API server rejects the pod; mount `{volume}` elsewhere, or use subPath mounts below distinct paths',
      'zh-CN': '容器 `{name}` 已在 `{path}` 挂载了卷 `{other}`：同一容器内挂载路径必须唯一，API 服务器会拒绝该 Pod；请把 `{volume}` 挂载到其他路径，或用 subPath 挂载到不同的子路径',
    },
    device: {
      en: 'Container `{name}` already uses `{path}` for volume `{other}`: a device path must differ from every other device path and mount path of the container, and the API server rejects the pod; choose another devicePath',
      'zh-CN': '容器 `{name}` 已将 `{path}` 用于卷 `{other}`：设备路径必须与该容器的其他设备路径和挂载路径都不同，API 服务器会拒绝该 Pod；请换一个 devicePath',
    },
  },
  check(ctx) {
    for (const pod of ctx.podSpecs()) {
      for (const c of pod.containers) {
        const used = new Map<string, string>();
        const entries: { path: string; volume: string; pair: Pair; device: boolean }[] = [];
        for (const [list, key] of [['volumeMounts', 'mountPath'], ['volumeDevices', 'devicePath']] as const) {
          for (const m of items(ctx.at([list], c.node), ctx.anchors)) {
            const pair = isMap(m) ? ctx.pair(m, key) : undefined;
            const path = isMap(m) ? ctx.str([key], m) : undefined;
            if (pair && path) entries.push({ path, volume: ctx.str(['name'], m) ?? '?', pair, device: list === 'volumeDevices' });
          }
        }
        entries.sort((a, b) => ((a.pair.key as { range?: number[] })?.range?.[0] ?? 0) - ((b.pair.key as { range?: number[] })?.range?.[0] ?? 0));
        for (const e of entries) {
          const other = used.get(e.path);
          if (other === undefined) used.set(e.path, e.volume);
          else ctx.report({ at: valueOf(e.pair), variant: e.device ? 'device' : 'default', args: { name: containerLabel(c), path: e.path, volume: e.volume, other } });
        }
      }
    }
  },
});
