// A loopback HTTP server that answers the Kubernetes API requests kubectl makes for the rollout
// commands (shapes taken from `kubectl -v=8`): discovery, Deployments and their ReplicaSets, list
// and watch, patches, the scale subresource, and dry-run creates. It keeps every request it saw so
// tests can assert what kubectl sent.
import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** One request the fake server received. */
export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  contentType: string | undefined;
  body: string;
}

/** A running fake API server. */
export interface FakeApiServer {
  url: string;
  requests: SeenRequest[];
  /** Writes a kubeconfig for this server (no auth) with the given context name and namespace. */
  kubeconfig(context: string, namespace: string): string;
  close(): Promise<void>;
}

type Obj = Record<string, any>;

const NAMESPACE = 'shop';
const SELECTOR = { app: 'web' };
/** Deployments whose watch never reports completion, so a status command must be cancelled. */
export const STUCK_DEPLOYMENT = 'stuck';
/** The change-causes of the seeded ReplicaSets of `web`, by revision. */
export const WEB_HISTORY: Record<number, string> = { 1: 'kubectl set image nginx=nginx:1.25', 2: 'bump to nginx 1.26', 3: 'bump to nginx 1.27' };

function deployment(name: string, ready: boolean): Obj {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name, namespace: NAMESPACE, uid: `uid-${name}`, generation: 3, resourceVersion: '100',
      labels: SELECTOR, annotations: { 'deployment.kubernetes.io/revision': '3' } },
    spec: {
      replicas: 2, selector: { matchLabels: SELECTOR },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
      template: { metadata: { labels: SELECTOR }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } },
    },
    status: ready
      ? { observedGeneration: 3, replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 }
      : { observedGeneration: 3, replicas: 2, updatedReplicas: 1, readyReplicas: 1, availableReplicas: 1 },
  };
}

function replicaSet(owner: string, revision: number): Obj {
  const image = `nginx:1.2${4 + revision}`;
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: {
      name: `${owner}-rev${revision}`, namespace: NAMESPACE, uid: `uid-${owner}-rs${revision}`, resourceVersion: String(10 + revision),
      labels: { ...SELECTOR, 'pod-template-hash': `h${revision}` },
      annotations: { 'deployment.kubernetes.io/revision': String(revision), 'kubernetes.io/change-cause': WEB_HISTORY[revision] },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: owner, uid: `uid-${owner}`, controller: true }],
    },
    spec: {
      replicas: revision === 3 ? 2 : 0, selector: { matchLabels: { ...SELECTOR, 'pod-template-hash': `h${revision}` } },
      template: { metadata: { labels: { ...SELECTOR, 'pod-template-hash': `h${revision}` } }, spec: { containers: [{ name: 'web', image }] } },
    },
    status: { replicas: revision === 3 ? 2 : 0 },
  };
}

const DISCOVERY: Record<string, Obj> = {
  '/api': { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] },
  '/apis': {
    kind: 'APIGroupList', apiVersion: 'v1',
    groups: [{ name: 'apps', versions: [{ groupVersion: 'apps/v1', version: 'v1' }], preferredVersion: { groupVersion: 'apps/v1', version: 'v1' } }],
  },
  '/api/v1': {
    kind: 'APIResourceList', groupVersion: 'v1',
    resources: [{ name: 'namespaces', singularName: 'namespace', namespaced: false, kind: 'Namespace', verbs: ['get', 'list'], shortNames: ['ns'] }],
  },
  '/apis/apps/v1': {
    kind: 'APIResourceList', apiVersion: 'v1', groupVersion: 'apps/v1',
    resources: [
      { name: 'deployments', singularName: 'deployment', namespaced: true, kind: 'Deployment', verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], shortNames: ['deploy'], categories: ['all'] },
      { name: 'deployments/scale', singularName: '', namespaced: true, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] },
      { name: 'deployments/status', singularName: '', namespaced: true, kind: 'Deployment', verbs: ['get', 'patch', 'update'] },
      { name: 'replicasets', singularName: 'replicaset', namespaced: true, kind: 'ReplicaSet', verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], shortNames: ['rs'], categories: ['all'] },
    ],
  },
  '/openapi/v3': { paths: { 'apis/apps/v1': { serverRelativeURL: '/openapi/v3/apis/apps/v1?hash=fake' } } },
  '/openapi/v3/apis/apps/v1': {
    openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.31.4' },
    paths: {
      '/apis/apps/v1/namespaces/{namespace}/deployments/{name}': {
        patch: {
          'x-kubernetes-group-version-kind': { group: 'apps', version: 'v1', kind: 'Deployment' },
          parameters: [{ name: 'fieldValidation', in: 'query', schema: { type: 'string' } }, { name: 'dryRun', in: 'query', schema: { type: 'string' } }],
        },
      },
    },
  },
  '/version': { major: '1', minor: '31', gitVersion: 'v1.31.4', platform: 'linux/amd64' },
};

function status(code: number, reason: string, message: string, details?: Obj): Obj {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, details, code };
}

function mergeInto(target: Obj, patch: Obj): Obj {
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) continue;
    if (value === null) delete target[key];
    else if (typeof value === 'object' && !Array.isArray(value) && typeof target[key] === 'object' && target[key] !== null && !Array.isArray(target[key])) mergeInto(target[key], value);
    else target[key] = structuredClone(value);
  }
  return target;
}

function matchesLabels(obj: Obj, selector: string | null): boolean {
  if (!selector) return true;
  const labels: Obj = obj.metadata?.labels ?? {};
  return selector.split(',').every((term) => {
    const [key, value] = term.split('=');
    return labels[key] === value;
  });
}

class FakeCluster {
  readonly deployments = new Map<string, Obj>([
    ['web', deployment('web', true)],
    ['slow', deployment('slow', false)],
    [STUCK_DEPLOYMENT, deployment(STUCK_DEPLOYMENT, false)],
  ]);
  readonly replicaSets = [1, 2, 3].map((r) => replicaSet('web', r));
  readonly watches = new Set<ServerResponse>();

  handle(req: SeenRequest, res: ServerResponse): void {
    const known = DISCOVERY[req.path];
    if (known && req.method === 'GET') return send(res, 200, known);
    const ns = /^\/api\/v1\/namespaces\/([^/]+)$/.exec(req.path)?.[1];
    if (ns === NAMESPACE) return send(res, 200, { kind: 'Namespace', apiVersion: 'v1', metadata: { name: ns }, status: { phase: 'Active' } });
    if (ns) return send(res, 404, status(404, 'NotFound', `namespaces "${ns}" not found`, { name: ns, kind: 'namespaces' }));
    const m = /^\/apis\/apps\/v1\/namespaces\/([^/]+)\/(deployments|replicasets)(?:\/([^/]+))?(?:\/(scale))?$/.exec(req.path);
    if (!m) return send(res, 404, status(404, 'NotFound', `the server could not find the requested resource (${req.method} ${req.path})`));
    const [, namespace, plural, name, sub] = m;
    if (namespace !== NAMESPACE) return send(res, 404, status(404, 'NotFound', `${plural}.apps "${name ?? ''}" not found`, { name, group: 'apps', kind: plural }));
    if (plural === 'replicasets') return this.listReplicaSets(req, res);
    if (!name) return req.method === 'POST' ? this.create(req, res) : this.listDeployments(req, res);
    const found = this.deployments.get(name);
    if (!found) return send(res, 404, status(404, 'NotFound', `deployments.apps "${name}" not found`, { name, group: 'apps', kind: 'deployments' }));
    if (sub === 'scale') return this.scale(req, res, found);
    if (req.method === 'GET') return send(res, 200, found);
    if (req.method === 'PATCH') return this.patch(req, res, found);
    send(res, 405, status(405, 'MethodNotAllowed', `${req.method} is not supported`));
  }

  private listReplicaSets(req: SeenRequest, res: ServerResponse): void {
    const items = this.replicaSets.filter((rs) => matchesLabels(rs, req.query.get('labelSelector')));
    send(res, 200, { kind: 'ReplicaSetList', apiVersion: 'apps/v1', metadata: { resourceVersion: '200' }, items });
  }

  private listDeployments(req: SeenRequest, res: ServerResponse): void {
    const field = /^metadata\.name=(.+)$/.exec(req.query.get('fieldSelector') ?? '')?.[1];
    const items = [...this.deployments.values()].filter((d) => !field || d.metadata.name === field);
    if (req.query.get('watch') !== 'true') {
      return send(res, 200, { kind: 'DeploymentList', apiVersion: 'apps/v1', metadata: { resourceVersion: '200' }, items });
    }
    res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    this.watches.add(res);
    res.on('close', () => this.watches.delete(res));
    for (const item of items) {
      if (item.metadata.name === STUCK_DEPLOYMENT) continue;
      const done = deployment(item.metadata.name, true);
      res.write(`${JSON.stringify({ type: 'MODIFIED', object: { ...done, metadata: { ...done.metadata, resourceVersion: '201' } } })}\n`);
    }
  }

  private patch(req: SeenRequest, res: ServerResponse, found: Obj): void {
    const dryRun = req.query.get('dryRun') === 'All';
    const next = mergeInto(structuredClone(found), JSON.parse(req.body || '{}'));
    next.metadata.generation = found.metadata.generation + 1;
    if (!dryRun) this.deployments.set(found.metadata.name, next);
    send(res, 200, next);
  }

  private scale(req: SeenRequest, res: ServerResponse, found: Obj): void {
    if (req.method === 'PATCH' && req.query.get('dryRun') !== 'All') {
      const replicas = JSON.parse(req.body || '{}').spec?.replicas;
      if (typeof replicas === 'number') found.spec.replicas = replicas;
    }
    send(res, 200, {
      kind: 'Scale', apiVersion: 'autoscaling/v1',
      metadata: { name: found.metadata.name, namespace: NAMESPACE, resourceVersion: found.metadata.resourceVersion },
      spec: { replicas: found.spec.replicas }, status: { replicas: found.status.replicas, selector: 'app=web' },
    });
  }

  private create(req: SeenRequest, res: ServerResponse): void {
    const body = JSON.parse(req.body || '{}');
    body.metadata = { ...body.metadata, uid: 'uid-new', generation: 1, resourceVersion: '1' };
    send(res, 201, body);
  }
}

function send(res: ServerResponse, code: number, body: Obj): void {
  res.writeHead(code, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

/** Starts the fake API server on a free loopback port, writing kubeconfigs under `dir`. */
export async function startFakeApiServer(dir: string): Promise<FakeApiServer> {
  const cluster = new FakeCluster();
  const requests: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const seen: SeenRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, contentType: req.headers['content-type'], body };
      requests.push(seen);
      cluster.handle(seen, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    kubeconfig(context, namespace) {
      const file = join(dir, `kubeconfig-${context}`);
      writeFileSync(file, JSON.stringify({
        apiVersion: 'v1', kind: 'Config', 'current-context': context, preferences: {},
        clusters: [{ name: 'fake', cluster: { server: url } }],
        users: [{ name: 'nobody', user: {} }],
        contexts: [{ name: context, context: { cluster: 'fake', user: 'nobody', namespace } }],
      }, null, 2));
      return file;
    },
    close: () => new Promise<void>((resolve) => {
      for (const watch of cluster.watches) watch.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
