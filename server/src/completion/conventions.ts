import type { Locale } from '../model/types';
import type { CursorContext } from './context';
import { tr, type Proposal } from './types';

type Entry = [value: string, en: string, zh: string];

const LABEL_KEYS: Entry[] = [
  ['app.kubernetes.io/name', 'Name of the application', '应用名称'],
  ['app.kubernetes.io/instance', 'Unique name of this instance of the application', '应用实例的唯一名称'],
  ['app.kubernetes.io/version', 'Version of the application', '应用版本'],
  ['app.kubernetes.io/component', 'Component within the architecture', '架构中的组件'],
  ['app.kubernetes.io/part-of', 'Higher-level application this is part of', '所属的上层应用'],
  ['app.kubernetes.io/managed-by', 'Tool that manages the resource', '管理该资源的工具'],
  ['pod-security.kubernetes.io/enforce', 'Pod Security level enforced in the namespace', '命名空间强制执行的 Pod 安全级别'],
  ['pod-security.kubernetes.io/audit', 'Pod Security level audited in the namespace', '命名空间审计的 Pod 安全级别'],
  ['pod-security.kubernetes.io/warn', 'Pod Security level warned about in the namespace', '命名空间告警的 Pod 安全级别'],
];

const ANNOTATION_KEYS: Entry[] = [
  ['kubernetes.io/change-cause', 'Why this revision was rolled out (shown by rollout history)', '此次发布的原因（rollout history 中显示）'],
  ['prometheus.io/scrape', 'Ask Prometheus to scrape the pods', '让 Prometheus 抓取这些 Pod'],
  ['prometheus.io/port', 'Port Prometheus scrapes', 'Prometheus 抓取的端口'],
  ['prometheus.io/path', 'Path Prometheus scrapes (default /metrics)', 'Prometheus 抓取的路径（默认 /metrics）'],
  ['kubectl.kubernetes.io/default-container', 'Container kubectl uses by default', 'kubectl 默认使用的容器'],
];

const TOPOLOGY_KEYS: Entry[] = [
  ['kubernetes.io/hostname', 'One domain per node', '每个节点一个拓扑域'],
  ['topology.kubernetes.io/zone', 'One domain per availability zone', '每个可用区一个拓扑域'],
  ['topology.kubernetes.io/region', 'One domain per region', '每个地域一个拓扑域'],
  ['node.kubernetes.io/instance-type', 'One domain per instance type', '每种实例类型一个拓扑域'],
];

const TAINT_KEYS: Entry[] = [
  ['node.kubernetes.io/not-ready', 'Node is not ready', '节点未就绪'],
  ['node.kubernetes.io/unreachable', 'Node controller cannot reach the node', '节点控制器无法访问该节点'],
  ['node.kubernetes.io/unschedulable', 'Node is cordoned', '节点已被封锁（cordon）'],
  ['node.kubernetes.io/memory-pressure', 'Node has memory pressure', '节点内存压力'],
  ['node.kubernetes.io/disk-pressure', 'Node has disk pressure', '节点磁盘压力'],
  ['node.kubernetes.io/pid-pressure', 'Node has PID pressure', '节点 PID 压力'],
  ['node.kubernetes.io/network-unavailable', 'Node network is unavailable', '节点网络不可用'],
  ['node-role.kubernetes.io/control-plane', 'Control-plane node', '控制平面节点'],
];

const CPU: Entry[] = [['100m', '0.1 CPU', '0.1 个 CPU'], ['250m', '0.25 CPU', '0.25 个 CPU'], ['500m', '0.5 CPU', '0.5 个 CPU'], ['1', '1 CPU', '1 个 CPU'], ['2', '2 CPUs', '2 个 CPU']];
const MEMORY: Entry[] = [['128Mi', '134,217,728 bytes', '134,217,728 字节'], ['256Mi', '268,435,456 bytes', '268,435,456 字节'], ['512Mi', '536,870,912 bytes', '536,870,912 字节'], ['1Gi', '1,073,741,824 bytes', '1,073,741,824 字节'], ['2Gi', '2,147,483,648 bytes', '2,147,483,648 字节']];
const RESOURCE_NAMES: Entry[] = [['cpu', 'CPU cores', 'CPU 核数'], ['memory', 'Memory in bytes', '内存字节数'], ['ephemeral-storage', 'Local ephemeral storage', '本地临时存储']];

const SCHEDULES: Entry[] = [
  ['"*/5 * * * *"', 'Every 5 minutes', '每 5 分钟'],
  ['"0 * * * *"', 'Every hour, on the hour', '每小时整点'],
  ['"0 0 * * *"', 'Every day at 00:00', '每天 00:00'],
  ['"0 3 * * *"', 'Every day at 03:00', '每天 03:00'],
  ['"0 0 * * 0"', 'Every Sunday at 00:00', '每周日 00:00'],
  ['"0 9 * * 1-5"', 'At 09:00, Monday to Friday', '周一至周五 09:00'],
  ['"0 0 1 * *"', 'On the 1st of every month at 00:00', '每月 1 日 00:00'],
];

const CAPABILITIES = ['ALL', 'NET_BIND_SERVICE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'SETGID', 'SETUID', 'SETPCAP', 'NET_RAW', 'NET_ADMIN', 'SYS_ADMIN', 'SYS_TIME', 'SYS_PTRACE', 'SYS_CHROOT', 'MKNOD', 'AUDIT_WRITE', 'SETFCAP'];

function entries(list: Entry[], ctx: CursorContext, locale: Locale, kind: Proposal['kind'], asKey: boolean): Proposal[] {
  return list.map(([v, en, zh], i) => ({ label: v, kind, detail: tr(locale, en, zh), insertText: asKey ? `${v}: ` : v, sortText: `0_${String(i).padStart(3, '0')}`, range: ctx.range }));
}

let zones: string[] | undefined;

/** IANA time zone names known to the runtime. */
export function timeZones(): string[] {
  return (zones ??= (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? ['UTC']);
}

/** Proposals from Kubernetes conventions for the cursor's place: well-known keys and values. */
export function conventionProposals(ctx: CursorContext, kind: string | undefined, locale: Locale): Proposal[] {
  const last = ctx.path[ctx.path.length - 1];
  const parent = ctx.path[ctx.path.length - 2];
  if (ctx.mode === 'key') {
    if (last === 'labels' || (kind === 'Service' && last === 'selector') || last === 'matchLabels' || last === 'nodeSelector') {
      return entries(last === 'nodeSelector' ? TOPOLOGY_KEYS : LABEL_KEYS, ctx, locale, 'property', true);
    }
    if (last === 'annotations') return entries(ANNOTATION_KEYS, ctx, locale, 'property', true);
    if ((last === 'requests' || last === 'limits') && parent === 'resources') return entries(RESOURCE_NAMES, ctx, locale, 'property', true);
    return [];
  }
  if (ctx.mode === 'item') {
    if (last === 0 && (parent === 'add' || parent === 'drop') && ctx.path.includes('capabilities')) return CAPABILITIES.map((c, i) => ({ label: c, kind: 'value', insertText: c, sortText: `0_${String(i).padStart(3, '0')}`, range: ctx.range }));
    return [];
  }
  const key = ctx.key;
  if (key === 'topologyKey') return entries(TOPOLOGY_KEYS, ctx, locale, 'value', false);
  if (key === 'key' && parent === 'tolerations') return entries(TAINT_KEYS, ctx, locale, 'value', false);
  if ((last === 'requests' || last === 'limits') && (key === 'cpu' || key === 'memory')) return entries(key === 'cpu' ? CPU : MEMORY, ctx, locale, 'value', false);
  if (key === 'timeZone') return timeZones().map((z) => ({ label: z, kind: 'value', insertText: z, range: ctx.range }));
  if (key === 'schedule' && kind === 'CronJob') return entries(SCHEDULES, ctx, locale, 'value', false);
  if (last === 'labels' && parent === 'metadata' && kind === 'Namespace' && key?.startsWith('pod-security.kubernetes.io/')) {
    return ['privileged', 'baseline', 'restricted'].map((v) => ({ label: v, kind: 'value', insertText: v, range: ctx.range }));
  }
  return [];
}
