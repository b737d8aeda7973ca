import { isMap } from 'yaml';
import { mapPairs, scalarText } from '../../../model/nodes';
import { POD_CARRIERS } from '../../podSpec';
import { securityScopes } from './shared';
import { defineRule, valueOf } from '../../types';
import { pairAt } from '../../helpers';

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const FIELD_TYPES = new Set(['RuntimeDefault', 'Localhost']);

/**
 * Pod Security Standards, baseline ("AppArmor"): the pod template's AppArmor annotations must be
 * empty, `runtime/default` or `localhost/*`, and securityContext.appArmorProfile.type (1.30+) on the pod
 * or any container must be RuntimeDefault or Localhost.
 */
export const appArmorProfile = defineRule({
  id: 'apparmor-profile',
  category: 'security',
  severity: 'warning',
  pss: 'baseline',
  kinds: POD_CARRIERS,
  fixes: ['fix-apparmor-profile'],
  guide: ['8.1'],
  title: { en: 'AppArmor disabled or overridden', 'zh-CN': 'AppArmor 被禁用或被覆盖' },
  messages: {
    default: {
      en: 'AppArmor annotation for container `{name}` is `{value}`: only runtime/default or localhost/<profile> keep the container confined; `unconfined` turns AppArmor off',
      'zh-CN': '容器 `{name}` 的 AppArmor 注解为 `{value}`：只有 runtime/default 或 localhost/<配置名> 能让容器保持受限；`unconfined` 会关闭 AppArmor',
    },
    field: {
      en: 'appArmorProfile.type `{value}` on {where} is not allowed: only RuntimeDefault or Localhost keep the container confined; `Unconfined` turns AppArmor off',
      'zh-CN': '{where}的 appArmorProfile.type `{value}` 不被允许：只有 RuntimeDefault 或 Localhost 能让容器保持受限；`Unconfined` 会关闭 AppArmor',
    },
  },
  check(ctx) {
    for (const pod of ctx.podSpecs()) {
      const annotations = ctx.at(['annotations'], pod.metadata);
      if (isMap(annotations)) {
        for (const p of mapPairs(annotations, ctx.anchors)) {
          const key = scalarText(p.key);
          if (!key?.startsWith(ANNOTATION_PREFIX)) continue;
          const value = scalarText(ctx.anchors.resolve(p.value)) ?? '';
          if (value === '' || value === 'runtime/default' || value.startsWith('localhost/')) continue;
          ctx.report({ at: valueOf(p), args: { name: key.slice(ANNOTATION_PREFIX.length), value } });
        }
      }
      const scopes = securityScopes(pod);
      for (const { node, where } of scopes) {
        const type = ctx.str(['securityContext', 'appArmorProfile', 'type'], node);
        if (type === undefined || FIELD_TYPES.has(type)) continue;
        ctx.report({ at: valueOf(pairAt(ctx, node, ['securityContext', 'appArmorProfile', 'type'])!), variant: 'field', args: { value: type, where } });
      }
    }
  },
});
