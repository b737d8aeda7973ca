import { containerLabel, POD_CARRIERS } from '../../podSpec';
import { defineRule, valueOf } from '../../types';
import { isWindowsPod } from './shared';
import { containerMissingAnchor, pairAt } from '../../helpers';

/** The guide's hardened containers mount their root filesystem read-only and write only to volumes. */
export const readOnlyRootFs = defineRule({
  id: 'read-only-root-fs',
  category: 'security',
  severity: 'warning',
  kinds: POD_CARRIERS,
  fixes: ['fix-read-only-root-fs'],
  guide: ['2.1.2', '8.1'],
  title: { en: 'Container root filesystem is writable', 'zh-CN': '容器根文件系统可写' },
  messages: {
    default: {
      en: 'Container `{name}` does not set readOnlyRootFilesystem: true: an attacker or a bug can modify its binaries and configuration; set it and mount an emptyDir where the process must write (e.g. /tmp)',
      'zh-CN': '容器 `{name}` 未设置 readOnlyRootFilesystem: true：攻击者或程序缺陷可以篡改其二进制文件和配置；请设置该字段，并为需要写入的目录（如 /tmp）挂载 emptyDir',
    },
    writable: {
      en: 'Container `{name}` sets readOnlyRootFilesystem: false: its binaries and configuration can be modified at run time; set it to true and mount an emptyDir where the process must write',
      'zh-CN': '容器 `{name}` 设置了 readOnlyRootFilesystem: false：运行时其二进制文件和配置可被修改；请改为 true，并为需要写入的目录挂载 emptyDir',
    },
  },
  check(ctx) {
    for (const pod of ctx.podSpecs()) {
      if (isWindowsPod(ctx, pod)) continue;
      for (const c of pod.containers) {
        if (c.role === 'ephemeral') continue;
        const value = ctx.str(['securityContext', 'readOnlyRootFilesystem'], c.node);
        if (value === 'true') continue;
        const pair = pairAt(ctx, c.node, ['securityContext', 'readOnlyRootFilesystem']);
        if (pair) ctx.report({ at: valueOf(pair), variant: 'writable', args: { name: containerLabel(c) } });
        else ctx.report({ at: containerMissingAnchor(ctx, c), args: { name: containerLabel(c) } });
      }
    }
  },
});
