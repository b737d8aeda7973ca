import { containerLabel } from '../../podSpec';
import { isDns1123Label, isDns1123Subdomain } from '../../helpers';
import { defineRule, valueOf } from '../../types';
import { isDns1035Label } from './shared';

type Syntax = 'subdomain' | 'label' | 'label1035' | 'segment';

/** How the API server validates `metadata.name` of built-in kinds (custom resources and unknown kinds are left alone). */
const NAME_SYNTAX: Record<string, Syntax> = {
  Service: 'label1035',
  Namespace: 'label',
  StatefulSet: 'label',
  Role: 'segment',
  ClusterRole: 'segment',
  RoleBinding: 'segment',
  ClusterRoleBinding: 'segment',
  ...Object.fromEntries(
    [
      'Pod', 'PodTemplate', 'Deployment', 'ReplicaSet', 'DaemonSet', 'HorizontalPodAutoscaler', 'Job', 'CronJob', 'ReplicationController',
      'ConfigMap', 'Secret', 'ServiceAccount', 'PersistentVolumeClaim', 'PersistentVolume', 'Endpoints', 'EndpointSlice', 'Ingress',
      'IngressClass', 'NetworkPolicy', 'PodDisruptionBudget', 'LimitRange', 'ResourceQuota', 'StorageClass', 'PriorityClass', 'Node',
    ].map((k) => [k, 'subdomain' as Syntax]),
  ),
};

const BUILT_IN_GROUPS = new Set(['', 'apps', 'batch', 'autoscaling', 'policy', 'networking.k8s.io', 'rbac.authorization.k8s.io', 'storage.k8s.io', 'scheduling.k8s.io', 'discovery.k8s.io', 'extensions']);

/** Placeholders that a tool fills in before the manifest reaches the API server. */
const PLACEHOLDER = /\$\{|\$\(|\{\{|<|%[({]/;

function valid(syntax: Syntax, name: string): boolean {
  switch (syntax) {
    case 'subdomain':
      return isDns1123Subdomain(name);
    case 'label':
      return isDns1123Label(name);
    case 'label1035':
      return isDns1035Label(name);
    case 'segment':
      return name !== '.' && name !== '..' && !/[/%]/.test(name);
  }
}

/** Object, namespace and container names must have the syntax the API server requires of them. */
export const nameInvalid = defineRule({
  id: 'name-invalid',
  category: 'api',
  severity: 'error',
  guide: ['2.1.2', '2.2.1'],
  title: { en: 'Invalid name', 'zh-CN': '名称无效' },
  messages: {
    default: {
      en: '{kind} name `{name}` is invalid: it must be a DNS subdomain (at most 253 lower-case letters, digits, `-` and `.`, starting and ending with a letter or digit); the API server rejects it',
      'zh-CN': '{kind} 名称 `{name}` 无效：必须是 DNS 子域名（最多 253 个小写字母、数字、`-` 和 `.`，以字母或数字开头和结尾）；API 服务器会拒绝',
    },
    label: {
      en: '{kind} name `{name}` is invalid: it must be a DNS label (at most 63 lower-case letters, digits and `-`, starting and ending with a letter or digit, no `.`); the API server rejects it',
      'zh-CN': '{kind} 名称 `{name}` 无效：必须是 DNS 标签（最多 63 个小写字母、数字和 `-`，以字母或数字开头和结尾，不能含 `.`）；API 服务器会拒绝',
    },
    label1035: {
      en: 'Service name `{name}` is invalid: it becomes a DNS name, so it must be at most 63 lower-case letters, digits and `-`, start with a letter and end with a letter or digit; the API server rejects it',
      'zh-CN': 'Service 名称 `{name}` 无效：它会成为 DNS 名称，因此最多 63 个小写字母、数字和 `-`，必须以字母开头、以字母或数字结尾；API 服务器会拒绝',
    },
    segment: {
      en: '{kind} name `{name}` is invalid: it may not be `.` or `..` nor contain `/` or `%`; the API server rejects it',
      'zh-CN': '{kind} 名称 `{name}` 无效：不能是 `.` 或 `..`，也不能包含 `/` 或 `%`；API 服务器会拒绝',
    },
    cronJobTooLong: {
      en: 'CronJob name `{name}` is {length} characters long: the API server allows at most 52, because each Job it creates is named after it plus an 11-character suffix; shorten it',
      'zh-CN': 'CronJob 名称 `{name}` 长 {length} 个字符：API 服务器最多允许 52 个，因为它创建的每个 Job 都以该名称加 11 个字符的后缀命名；请缩短',
    },
    jobTooLong: {
      en: 'Job name `{name}` is {length} characters long: the name is copied into the job-name label of its pods, and label values allow at most 63 characters, so the API server rejects it; shorten it',
      'zh-CN': 'Job 名称 `{name}` 长 {length} 个字符：该名称会被写入其 Pod 的 job-name 标签，而标签值最多 63 个字符，因此 API 服务器会拒绝；请缩短',
    },
    namespace: {
      en: 'Namespace `{name}` is invalid: namespace names are DNS labels (at most 63 lower-case letters, digits and `-`, starting and ending with a letter or digit); the API server rejects it',
      'zh-CN': '命名空间 `{name}` 无效：命名空间名称是 DNS 标签（最多 63 个小写字母、数字和 `-`，以字母或数字开头和结尾）；API 服务器会拒绝',
    },
    container: {
      en: 'Container name `{name}` is invalid: it must be a DNS label (at most 63 lower-case letters, digits and `-`, starting and ending with a letter or digit); the API server rejects it',
      'zh-CN': '容器名 `{name}` 无效：必须是 DNS 标签（最多 63 个小写字母、数字和 `-`，以字母或数字开头和结尾）；API 服务器会拒绝',
    },
  },
  check(ctx) {
    const { kind, group } = ctx.resource;
    const meta = ctx.at(['metadata']);
    const namePair = ctx.pair(meta, 'name');
    const name = ctx.str(['name'], meta);
    const syntax = BUILT_IN_GROUPS.has(group) ? NAME_SYNTAX[kind] : undefined;
    if (namePair && name !== undefined && syntax && !PLACEHOLDER.test(name)) {
      if (!valid(syntax, name)) ctx.report({ at: valueOf(namePair), variant: syntax === 'subdomain' ? 'default' : syntax, args: { kind, name } });
      else if (kind === 'CronJob' && name.length > 52) ctx.report({ at: valueOf(namePair), variant: 'cronJobTooLong', args: { name, length: name.length } });
      else if (kind === 'Job' && name.length > 63 && ctx.str(['spec', 'manualSelector']) !== 'true') ctx.report({ at: valueOf(namePair), variant: 'jobTooLong', args: { name, length: name.length } });
    }
    const nsPair = ctx.pair(meta, 'namespace');
    const ns = ctx.str(['namespace'], meta);
    if (nsPair && ns && !PLACEHOLDER.test(ns) && !isDns1123Label(ns)) ctx.report({ at: valueOf(nsPair), variant: 'namespace', args: { name: ns } });
    for (const pod of ctx.podSpecs()) {
      for (const c of pod.containers) {
        if (!c.name || isDns1123Label(c.name) || PLACEHOLDER.test(c.name)) continue;
        const pair = ctx.pair(c.node, 'name');
        if (pair) ctx.report({ at: valueOf(pair), variant: 'container', args: { name: containerLabel(c) } });
      }
    }
  },
});
