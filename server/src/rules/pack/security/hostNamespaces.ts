import { containerLabel, POD_CARRIERS } from '../../podSpec';
import { defineRule, valueOf } from '../../types';
import { pairAt } from '../../helpers';

/**
 * Pod Security Standards, baseline ("Host Namespaces" and "HostProcess"): hostNetwork, hostPID and
 * hostIPC must be unset or false, and so must windowsOptions.hostProcess on the pod and every container.
 */
export const hostNamespaces = defineRule({
  id: 'host-namespaces',
  category: 'security',
  severity: 'warning',
  pss: 'baseline',
  kinds: POD_CARRIERS,
  fixes: ['fix-host-namespaces'],
  guide: ['8.1', '2.3.2'],
  title: { en: 'Pod shares the host\'s namespaces', 'zh-CN': 'Pod 共享宿主机的命名空间' },
  messages: {
    default: {
      en: '{field}: true puts the pod in the node\'s {what}, breaking the isolation from the host and other pods; remove it unless this is a trusted node agent in an exempt namespace',
      'zh-CN': '{field}: true 让 Pod 进入节点的{what}，破坏了与宿主机及其他 Pod 的隔离；除非这是运行在豁免命名空间中的受信任节点代理，否则请删除',
    },
    hostProcess: {
      en: 'windowsOptions.hostProcess: true on {where} runs it as a process directly on the Windows node with host privileges; the baseline Pod Security Standard forbids it',
      'zh-CN': '{where}上的 windowsOptions.hostProcess: true 会以宿主机权限直接在 Windows 节点上运行进程；baseline Pod 安全标准禁止这样做',
    },
  },
  check(ctx) {
    const what: Record<string, [string, string]> = {
      hostNetwork: ['network namespace (it sees and can bind every host interface)', '网络命名空间（可看到并绑定宿主机所有网卡）'],
      hostPID: ['process namespace (it sees and can signal every host process)', '进程命名空间（可看到所有宿主机进程并向其发送信号）'],
      hostIPC: ['IPC namespace (shared memory of every host process)', 'IPC 命名空间（可访问所有宿主机进程的共享内存）'],
    };
    for (const pod of ctx.podSpecs()) {
      for (const field of Object.keys(what)) {
        if (ctx.str([field], pod.spec) !== 'true') continue;
        ctx.report({ at: valueOf(ctx.pair(pod.spec, field)!), args: { field, what: { en: what[field][0], 'zh-CN': what[field][1] } } });
      }
      const path = ['securityContext', 'windowsOptions', 'hostProcess'];
      if (ctx.str(path, pod.spec) === 'true') ctx.report({ at: valueOf(pairAt(ctx, pod.spec, path)!), variant: 'hostProcess', args: { where: { en: 'the pod', 'zh-CN': 'Pod ' } } });
      for (const c of pod.containers) {
        if (ctx.str(path, c.node) !== 'true') continue;
        const name = containerLabel(c);
        ctx.report({ at: valueOf(pairAt(ctx, c.node, path)!), variant: 'hostProcess', args: { where: { en: `container \`${name}\``, 'zh-CN': `容器 \`${name}\` ` } } });
      }
    }
  },
});
