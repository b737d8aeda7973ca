import { POD_CARRIERS } from '../../podSpec';
import { securityScopes } from './shared';
import { defineRule, valueOf } from '../../types';
import { pairAt } from '../../helpers';

const TYPES = ['container_t', 'container_init_t', 'container_kvm_t'];

/**
 * Pod Security Standards, baseline ("SELinux"): seLinuxOptions.type only empty, container_t,
 * container_init_t, container_kvm_t (and container_engine_t from 1.31); user and role must be empty.
 */
export const seLinuxOptions = defineRule({
  id: 'selinux-options',
  category: 'security',
  severity: 'warning',
  pss: 'baseline',
  kinds: POD_CARRIERS,
  fixes: ['fix-selinux-options'],
  guide: ['8.1'],
  title: { en: 'Custom SELinux user, role or type', 'zh-CN': '自定义 SELinux 用户、角色或类型' },
  messages: {
    default: {
      en: 'SELinux type `{value}` on {where} is not one of the container types the baseline Pod Security Standard allows ({allowed}): a custom type can lift the confinement the runtime applies',
      'zh-CN': '{where}的 SELinux 类型 `{value}` 不在 baseline Pod 安全标准允许的容器类型之内（{allowed}）：自定义类型可能解除运行时施加的限制',
    },
    engine: {
      en: 'SELinux type container_engine_t on {where} is allowed by the baseline Pod Security Standard only from Kubernetes 1.31; the oldest targeted version is 1.{min}',
      'zh-CN': '{where}的 SELinux 类型 container_engine_t 从 Kubernetes 1.31 起才被 baseline Pod 安全标准允许；当前最低目标版本为 1.{min}',
    },
    userRole: {
      en: 'seLinuxOptions.{field} is set on {where}: the baseline Pod Security Standard forbids choosing an SELinux {field}; remove it and keep at most type and level',
      'zh-CN': '{where}设置了 seLinuxOptions.{field}：baseline Pod 安全标准禁止指定 SELinux {field}；请删除它，最多只保留 type 和 level',
    },
  },
  check(ctx) {
    const min = ctx.settings.kubernetes.min;
    const allowed = min >= 31 ? [...TYPES, 'container_engine_t'] : TYPES;
    for (const pod of ctx.podSpecs()) {
      const scopes = securityScopes(pod);
      for (const { node, where } of scopes) {
        const type = ctx.str(['securityContext', 'seLinuxOptions', 'type'], node);
        if (type && !allowed.includes(type)) {
          const at = valueOf(pairAt(ctx, node, ['securityContext', 'seLinuxOptions', 'type'])!);
          if (type === 'container_engine_t') ctx.report({ at, variant: 'engine', args: { where, min } });
          else ctx.report({ at, args: { value: type, where, allowed: allowed.join(', ') } });
        }
        for (const field of ['user', 'role']) {
          if (!ctx.str(['securityContext', 'seLinuxOptions', field], node)) continue;
          ctx.report({ at: valueOf(pairAt(ctx, node, ['securityContext', 'seLinuxOptions', field])!), variant: 'userRole', args: { field, where } });
        }
      }
    }
  },
});
