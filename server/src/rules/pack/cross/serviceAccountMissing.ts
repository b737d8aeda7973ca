import { selfNamespace } from '../../../cross/helpers';
import { reportUndefined } from '../../../cross/references';
import { POD_CARRIERS } from '../../podSpec';
import { defineRule } from '../../types';

/** A pod's serviceAccountName that names no ServiceAccount in the workspace; `default` exists in every namespace. */
export const serviceAccountMissing = defineRule({
  id: 'service-account-missing',
  category: 'cross',
  severity: 'info',
  kinds: POD_CARRIERS,
  guide: ['8.2'],
  title: { en: 'Referenced ServiceAccount is not in the workspace', 'zh-CN': '引用的 ServiceAccount 不在工作区中' },
  messages: {
    default: {
      en: 'ServiceAccount `{name}` is not defined in namespace `{namespace}` anywhere in the workspace: unless it already exists in the cluster, the controller cannot create the pods (`serviceaccount "{name}" not found`); add the ServiceAccount with its RBAC bindings, or fix the name',
      'zh-CN': '工作区中没有在命名空间 `{namespace}` 里定义 ServiceAccount `{name}`：除非集群中已经存在，控制器无法创建 Pod（`serviceaccount "{name}" not found`）；请添加该 ServiceAccount 及其 RBAC 绑定，或修正名称',
    },
    otherNamespace: {
      en: 'ServiceAccount `{name}` is defined only in namespace `{otherNamespace}` ({other}), not in `{namespace}` where these pods run: a pod can use only a ServiceAccount of its own namespace; define it in `{namespace}` too',
      'zh-CN': 'ServiceAccount `{name}` 只定义在命名空间 `{otherNamespace}`（{other}），而这些 Pod 运行在 `{namespace}`：Pod 只能使用自己命名空间中的 ServiceAccount；请在 `{namespace}` 中也定义它',
    },
  },
  check(ctx) {
    const index = ctx.index;
    if (!index) return;
    for (const pod of ctx.podSpecs()) {
      const at = ctx.at(['serviceAccountName'], pod.spec);
      const name = ctx.str(['serviceAccountName'], pod.spec);
      if (at && name && name !== 'default') reportUndefined(ctx, index, { kind: 'ServiceAccount', name, at, namespace: selfNamespace(ctx, index) });
    }
  },
});
