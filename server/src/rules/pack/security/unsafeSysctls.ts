import { POD_CARRIERS } from '../../podSpec';
import { items } from '../../helpers';
import { defineRule, valueOf } from '../../types';

/** The sysctls the baseline Pod Security Standard allows, with the Kubernetes minor that added each. */
export const SAFE_SYSCTLS: Readonly<Record<string, number>> = {
  'kernel.shm_rmid_forced': 0,
  'net.ipv4.ip_local_port_range': 0,
  'net.ipv4.ip_unprivileged_port_start': 0,
  'net.ipv4.tcp_syncookies': 0,
  'net.ipv4.ping_group_range': 0,
  'net.ipv4.ip_local_reserved_ports': 27,
  'net.ipv4.tcp_keepalive_time': 29,
  'net.ipv4.tcp_fin_timeout': 29,
  'net.ipv4.tcp_keepalive_intvl': 29,
  'net.ipv4.tcp_keepalive_probes': 29,
};

/**
 * Pod Security Standards, baseline ("Sysctls"): spec.securityContext.sysctls may name only the safe
 * set, which grew in 1.27 and 1.29; the oldest targeted Kubernetes version decides.
 */
export const unsafeSysctls = defineRule({
  id: 'unsafe-sysctls',
  category: 'security',
  severity: 'warning',
  pss: 'baseline',
  kinds: POD_CARRIERS,
  guide: ['8.1'],
  title: { en: 'Pod sets a sysctl outside the safe set', 'zh-CN': 'Pod 设置了安全集合之外的 sysctl' },
  messages: {
    default: {
      en: 'Sysctl `{name}` is not in the safe set: it can affect the whole node or other pods, the baseline Pod Security Standard forbids it, and the kubelet rejects the pod unless it is started with --allowed-unsafe-sysctls; tune it on the node instead',
      'zh-CN': 'sysctl `{name}` 不在安全集合内：它可能影响整个节点或其他 Pod，baseline Pod 安全标准禁止它，且除非 kubelet 以 --allowed-unsafe-sysctls 启动，否则会拒绝该 Pod；请改在节点上调整',
    },
    version: {
      en: 'Sysctl `{name}` is in the safe set only from Kubernetes 1.{since}; on 1.{min} (the oldest targeted version) the baseline Pod Security Standard and the kubelet still treat it as unsafe',
      'zh-CN': 'sysctl `{name}` 从 Kubernetes 1.{since} 起才属于安全集合；在 1.{min}（最低目标版本）上，baseline Pod 安全标准和 kubelet 仍视其为不安全',
    },
  },
  check(ctx) {
    const min = ctx.settings.kubernetes.min;
    for (const pod of ctx.podSpecs()) {
      for (const sysctl of items(ctx.at(['securityContext', 'sysctls'], pod.spec), ctx.anchors)) {
        const name = ctx.str(['name'], sysctl);
        if (name === undefined) continue;
        const since = SAFE_SYSCTLS[name];
        if (since !== undefined && since <= min) continue;
        const at = valueOf(ctx.pair(sysctl, 'name')!);
        if (since === undefined) ctx.report({ at, args: { name } });
        else ctx.report({ at, variant: 'version', args: { name, since, min } });
      }
    }
  },
});
