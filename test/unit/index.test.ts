import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractResources } from '../../server/src/index/extract';
import { selects } from '../../server/src/index/selector';
import { WorkspaceIndex } from '../../server/src/index/workspaceIndex';
import { parseYamlFile } from '../../server/src/model/yamlFile';
import { yaml } from '../helpers/cursor';

const workload = (name: string, ns: string | null, app: string) => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: ${name}
    ${ns ? `namespace: ${ns}` : ''}
  spec:
    selector:
      matchLabels: {app: ${app}}
    template:
      metadata:
        labels: {app: ${app}, tier: web}
`;

function indexOf(files: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [uri, text] of Object.entries(files)) index.setFile(uri, extractResources(uri, parseYamlFile(text, { templates: 'ignore' })));
  return index;
}

test('finds resources by kind, name and namespace (default namespace when unset)', () => {
  const index = indexOf({ 'file:///a.yaml': workload('api', 'shop', 'api') + '---\n' + workload('web', null, 'web') });
  assert.deepEqual(index.find({ kind: 'Deployment', namespace: 'shop' }).map((r) => r.name), ['api']);
  assert.deepEqual(index.find({ kind: 'Deployment', namespace: 'default' }).map((r) => r.name), ['web']);
  assert.equal(index.find({ name: 'web' })[0].document, 1);
  assert.equal(index.find({ kind: 'Service' }).length, 0);
});

test('selects pods by labels within a namespace, and keeps up with file changes', () => {
  const index = indexOf({
    'file:///a.yaml': workload('api', 'shop', 'api'),
    'file:///b.yaml': workload('api2', 'other', 'api'),
  });
  assert.deepEqual(index.selectedBy({ matchLabels: { app: 'api' } }, 'shop').map((r) => r.name), ['api']);
  assert.deepEqual(index.selectedBy({ matchExpressions: [{ key: 'app', operator: 'In', values: ['api'] }] }, 'other').map((r) => r.name), ['api2']);
  assert.deepEqual(index.selectedBy({ matchLabels: { app: 'nope' } }, 'shop'), []);
  const changes: string[][] = [];
  index.onDidChange((uris) => changes.push(uris));
  index.removeFile('file:///a.yaml');
  assert.deepEqual(index.selectedBy({ matchLabels: { app: 'api' } }, 'shop'), []);
  assert.deepEqual(changes, [['file:///a.yaml']]);
  assert.equal(index.size, 1);
});

test('lists the pod carriers of a namespace by location, and forgets the list when the index changes', () => {
  const index = indexOf({
    'file:///b.yaml': workload('b1', null, 'b') + '---\n' + workload('b2', 'shop', 'b'),
    'file:///a.yaml': workload('a1', null, 'a'),
  });
  assert.deepEqual(index.podCarriersIn('default').map((r) => r.name), ['a1', 'b1']);
  index.setFile('file:///0.yaml', extractResources('file:///0.yaml', parseYamlFile(workload('z', null, 'z'), { templates: 'ignore' })));
  assert.deepEqual(index.podCarriersIn('default').map((r) => r.name), ['z', 'a1', 'b1']);
  index.removeFile('file:///a.yaml');
  assert.deepEqual(index.podCarriersIn('default').map((r) => r.name), ['z', 'b1']);
  index.setDefaultNamespace('shop');
  assert.deepEqual(index.podCarriersIn('shop').map((r) => r.name), ['z', 'b1', 'b2']);
  assert.deepEqual(index.podCarriersIn('default'), []);
});

test('extracts selectors of Services, PDBs and NetworkPolicies', () => {
  const index = indexOf({
    'file:///s.yaml': yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: s}
      spec:
        selector: {app: api}
      ---
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata: {name: p}
      spec:
        selector:
          matchExpressions:
          - {key: tier, operator: Exists}
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: n}
      spec:
        podSelector: {}
    `,
  });
  assert.deepEqual(index.find({ kind: 'Service' })[0].selector, { matchLabels: { app: 'api' } });
  assert.deepEqual(index.find({ kind: 'PodDisruptionBudget' })[0].selector?.matchExpressions, [{ key: 'tier', operator: 'Exists', values: undefined }]);
  assert.deepEqual(index.find({ kind: 'NetworkPolicy' })[0].selector, { matchLabels: {} });
});

test('label selector semantics follow the API', () => {
  const labels = { app: 'a', tier: 'web' };
  assert.equal(selects({}, labels), true);
  assert.equal(selects({ matchLabels: { app: 'a' } }, labels), true);
  assert.equal(selects({ matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['a'] }] }, labels), false);
  assert.equal(selects({ matchExpressions: [{ key: 'x', operator: 'DoesNotExist' }] }, labels), true);
  assert.equal(selects({ matchExpressions: [{ key: 'x', operator: 'Bogus' }] }, labels), false);
});
