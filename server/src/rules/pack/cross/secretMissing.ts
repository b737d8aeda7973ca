import { reportUndefinedConfig } from '../../../cross/references';
import { POD_CARRIERS } from '../../podSpec';
import { defineRule } from '../../types';

/** A Secret that a pod mounts, reads or pulls images with and that nothing in the workspace defines or creates. */
export const secretMissing = defineRule({
  id: 'secret-missing',
  category: 'cross',
  severity: 'info',
  kinds: POD_CARRIERS,
  guide: ['2.1.2'],
  title: { en: 'Referenced Secret is not in the workspace', 'zh-CN': '引用的 Secret 不在工作区中' },
  messages: {
    default: {
      en: 'Secret `{name}` is not defined in namespace `{namespace}` anywhere in the workspace, nor created by an ExternalSecret, SealedSecret or Certificate: unless it already exists in the cluster, pods that mount or read it stay in ContainerCreating or CreateContainerConfigError (an image pull secret: the pull fails); create it, fix the name, or mark the reference `optional: true` if the pod can run without it',
      'zh-CN': '工作区中没有在命名空间 `{namespace}` 里定义 Secret `{name}`，也没有 ExternalSecret、SealedSecret 或 Certificate 生成它：除非集群中已经存在，挂载或读取它的 Pod 会停留在 ContainerCreating 或 CreateContainerConfigError（若是镜像拉取凭据，则拉取失败）；请创建它、修正名称，或在 Pod 没有它也能运行时把引用标为 `optional: true`',
    },
    otherNamespace: {
      en: 'Secret `{name}` is defined only in namespace `{otherNamespace}` ({other}), not in `{namespace}` where these pods run: a pod can use only the Secrets of its own namespace; create it in `{namespace}` too',
      'zh-CN': 'Secret `{name}` 只定义在命名空间 `{otherNamespace}`（{other}），而这些 Pod 运行在 `{namespace}`：Pod 只能使用自己命名空间中的 Secret；请在 `{namespace}` 中也创建它',
    },
  },
  check(ctx) {
    if (ctx.index) reportUndefinedConfig(ctx, ctx.index, 'Secret');
  },
});
