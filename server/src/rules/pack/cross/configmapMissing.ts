import { reportUndefinedConfig } from '../../../cross/references';
import { POD_CARRIERS } from '../../podSpec';
import { defineRule } from '../../types';

/** The cluster's CA bundle, which Kubernetes publishes into every namespace. */
const KNOWN = new Set(['kube-root-ca.crt']);

/** A ConfigMap that a pod mounts or reads and that the workspace does not define. */
export const configmapMissing = defineRule({
  id: 'configmap-missing',
  category: 'cross',
  severity: 'info',
  kinds: POD_CARRIERS,
  guide: ['2.1.2'],
  title: { en: 'Referenced ConfigMap is not in the workspace', 'zh-CN': '引用的 ConfigMap 不在工作区中' },
  messages: {
    default: {
      en: 'ConfigMap `{name}` is not defined in namespace `{namespace}` anywhere in the workspace: unless it already exists in the cluster, pods that mount or read it stay in ContainerCreating or CreateContainerConfigError; add the ConfigMap, fix the name, or mark the reference `optional: true` if the pod can run without it',
      'zh-CN': '工作区中没有在命名空间 `{namespace}` 里定义 ConfigMap `{name}`：除非集群中已经存在，挂载或读取它的 Pod 会停留在 ContainerCreating 或 CreateContainerConfigError；请添加该 ConfigMap、修正名称，或在 Pod 没有它也能运行时把引用标为 `optional: true`',
    },
    otherNamespace: {
      en: 'ConfigMap `{name}` is defined only in namespace `{otherNamespace}` ({other}), not in `{namespace}` where these pods run: a pod can use only the ConfigMaps of its own namespace; define it in `{namespace}` too',
      'zh-CN': 'ConfigMap `{name}` 只定义在命名空间 `{otherNamespace}`（{other}），而这些 Pod 运行在 `{namespace}`：Pod 只能使用自己命名空间中的 ConfigMap；请在 `{namespace}` 中也定义它',
    },
  },
  check(ctx) {
    if (ctx.index) reportUndefinedConfig(ctx, ctx.index, 'ConfigMap', KNOWN);
  },
});
