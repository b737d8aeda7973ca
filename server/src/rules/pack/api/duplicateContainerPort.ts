import { isMap, type Node, type Pair } from 'yaml';
import { containerLabel, type ContainerView } from '../../podSpec';
import { defineRule, valueOf, type RuleContext } from '../../types';
import { items } from '../../helpers';

interface PortEntry {
  c: ContainerView;
  index: number;
  number: string | undefined;
  protocol: string;
  name: string | undefined;
  hostPort: string | undefined;
  hostIP: string;
  numberPair: Pair | undefined;
  namePair: Pair | undefined;
  hostPortPair: Pair | undefined;
}

function portsOf(ctx: RuleContext, c: ContainerView): PortEntry[] {
  return items(ctx.at(['ports'], c.node), ctx.anchors).flatMap((p: Node, index) => {
    if (!isMap(p)) return [];
    const hostPort = ctx.str(['hostPort'], p);
    return [{
      c,
      index,
      number: ctx.str(['containerPort'], p),
      protocol: ctx.str(['protocol'], p) ?? 'TCP',
      name: ctx.str(['name'], p) || undefined,
      hostPort: hostPort && hostPort !== '0' ? hostPort : undefined,
      hostIP: ctx.str(['hostIP'], p) ?? '',
      numberPair: ctx.pair(p, 'containerPort'),
      namePair: ctx.pair(p, 'name'),
      hostPortPair: ctx.pair(p, 'hostPort'),
    }];
  });
}

/** Ports of a pod must not collide: within a container, across containers sharing the pod's network, or on the host. */
export const duplicateContainerPort = defineRule({
  id: 'duplicate-container-port',
  category: 'api',
  severity: 'error',
  guide: ['2.2.2', '2.3.2'],
  title: { en: 'Duplicate container port', 'zh-CN': '容器端口重复' },
  messages: {
    default: {
      en: 'Container `{name}` already has a port named `{port}`: port names must be unique within a container and the API server rejects the duplicate; rename or remove one',
      'zh-CN': '容器 `{name}` 已有名为 `{port}` 的端口：同一容器内端口名必须唯一，API 服务器会拒绝重复的名称；请重命名或删除其中一个',
    },
    hostPort: {
      en: 'hostPort {port}/{protocol} is already taken in container `{other}`: a pod cannot bind the same host port twice, and the API server rejects the pod; pick another hostPort',
      'zh-CN': 'hostPort {port}/{protocol} 已在容器 `{other}` 中使用：同一 Pod 不能两次绑定同一宿主机端口，API 服务器会拒绝该 Pod；请换一个 hostPort',
    },
    port: {
      en: 'Container `{name}` declares port {port}/{protocol} twice: the API server answers with a "duplicate port definition" warning and the second entry adds nothing; keep one entry',
      'zh-CN': '容器 `{name}` 两次声明端口 {port}/{protocol}：API 服务器会返回 “duplicate port definition” 警告，第二个条目没有任何作用；请只保留一个',
    },
    shared: {
      en: 'Containers `{other}` and `{name}` both declare port {port}/{protocol}: containers of a pod share one network namespace, so only one of them can listen on it, and the API server warns about the duplicate; declare the port only on the container that serves it',
      'zh-CN': '容器 `{other}` 和 `{name}` 都声明了端口 {port}/{protocol}：同一 Pod 的容器共享网络命名空间，只有一个能监听该端口，API 服务器也会对重复声明发出警告；请只在真正提供服务的容器上声明该端口',
    },
    nameShared: {
      en: 'Port name `{port}` is also used by container `{other}` for port {otherPort}: a Service targetPort that names it reaches whichever container lists it first; give each port its own name',
      'zh-CN': '端口名 `{port}` 也被容器 `{other}` 用于端口 {otherPort}：按名称引用它的 Service targetPort 只会指向最先声明它的容器；请为每个端口取不同的名称',
    },
  },
  check(ctx) {
    for (const pod of ctx.podSpecs()) {
      const all = pod.containers.filter((c) => c.role !== 'ephemeral').map((c) => ({ c, ports: portsOf(ctx, c) }));
      const reported = new Set<PortEntry>();
      for (const { c, ports } of all) {
        const names = new Set<string>();
        const numbers = new Set<string>();
        for (const p of ports) {
          if (p.name && names.has(p.name) && p.namePair) {
            ctx.report({ at: valueOf(p.namePair), args: { name: containerLabel(c), port: p.name } });
            reported.add(p);
          } else if (p.number && numbers.has(`${p.number}/${p.protocol}`) && p.numberPair) {
            ctx.report({ at: valueOf(p.numberPair), variant: 'port', args: { name: containerLabel(c), port: p.number, protocol: p.protocol } });
            reported.add(p);
          }
          if (p.name) names.add(p.name);
          if (p.number) numbers.add(`${p.number}/${p.protocol}`);
        }
      }
      const hostPorts = new Map<string, PortEntry>();
      for (const p of all.filter((x) => x.c.role === 'container').flatMap((x) => x.ports)) {
        if (!p.hostPort) continue;
        const key = `${p.protocol}/${p.hostIP}/${p.hostPort}`;
        const first = hostPorts.get(key);
        if (!first) hostPorts.set(key, p);
        else if (!reported.has(p) && p.hostPortPair) {
          ctx.report({ at: valueOf(p.hostPortPair), variant: 'hostPort', args: { port: p.hostPort, protocol: p.protocol, other: containerLabel(first.c) } });
          reported.add(p);
        }
      }
      const numbers = new Map<string, PortEntry>();
      const names = new Map<string, PortEntry>();
      for (const p of all.filter((x) => x.c.role === 'container' || x.c.role === 'sidecar').flatMap((x) => x.ports)) {
        if (reported.has(p)) continue;
        const key = p.number && `${p.number}/${p.protocol}`;
        const sameNumber = key ? numbers.get(key) : undefined;
        const sameName = p.name ? names.get(p.name) : undefined;
        if (sameNumber && sameNumber.c !== p.c && p.numberPair) {
          ctx.report({ at: valueOf(p.numberPair), variant: 'shared', args: { name: containerLabel(p.c), other: containerLabel(sameNumber.c), port: p.number!, protocol: p.protocol } });
        } else if (sameName && sameName.c !== p.c && p.namePair && sameName.number !== p.number) {
          ctx.report({ at: valueOf(p.namePair), variant: 'nameShared', args: { port: p.name!, other: containerLabel(sameName.c), otherPort: sameName.number ?? '?' } });
        }
        if (key && !numbers.has(key)) numbers.set(key, p);
        if (p.name && !names.has(p.name)) names.set(p.name, p);
      }
    }
  },
});
