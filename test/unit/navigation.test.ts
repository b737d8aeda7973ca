import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coverageLenses, definition, references } from '../../server/src/cross/navigation';
import { extractResources } from '../../server/src/index/extract';
import { WorkspaceIndex } from '../../server/src/index/workspaceIndex';
import { parseYamlFile } from '../../server/src/model/yamlFile';
import { marked, yaml } from '../helpers/cursor';

const workload = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: api, namespace: shop}
  spec:
    replicas: 3
    selector:
      matchLabels: {app: a|pi}
    template:
      metadata:
        labels: {app: api}
      spec:
        serviceAccountName: api-s|a
        containers:
          - name: api
            image: registry.example.com/api:1.0.0
            envFrom:
              - configMapRef: {name: api-con|fig}
`;
const others = yaml`
  apiVersion: policy/v1
  kind: PodDisruptionBudget
  metadata: {name: api-pdb, namespace: shop}
  spec:
    maxUnavailable: 1
    selector:
      matchLabels: {app: api}
  ---
  apiVersion: autoscaling/v2
  kind: HorizontalPodAutoscaler
  metadata: {name: api, namespace: shop}
  spec:
    scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: a|pi}
    minReplicas: 3
    maxReplicas: 50
  ---
  apiVersion: v1
  kind: ServiceAccount
  metadata: {name: api-sa, namespace: shop}
  ---
  apiVersion: v1
  kind: ConfigMap
  metadata: {name: api-config, namespace: shop}
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: api, namespace: shop}
  spec:
    selector: {app: api}
    ports: [{port: 80, targetPort: 8080}]
`;

const w = marked(workload);
const o = marked(others);
const index = new WorkspaceIndex();
const wFile = parseYamlFile(w.text, { templates: 'ignore' });
const oFile = parseYamlFile(o.text, { templates: 'ignore' });
index.setFile('file:///w.yaml', extractResources('file:///w.yaml', wFile));
index.setFile('file:///o.yaml', extractResources('file:///o.yaml', oFile));

test('go to definition from scaleTargetRef, serviceAccountName and configMapRef', () => {
  assert.deepEqual(definition(oFile, o.cursors[0], index).map((t) => [t.uri, t.selectionRange.start.line]), [['file:///w.yaml', 1]]);
  assert.deepEqual(definition(wFile, w.cursors[1], index).map((t) => [t.uri, t.selectionRange.start.line]), [['file:///o.yaml', 17]]);
  assert.deepEqual(definition(wFile, w.cursors[2], index).map((t) => [t.uri, t.selectionRange.start.line]), [['file:///o.yaml', 21]]);
});

test('go to definition from a selector lands on the selected workloads', () => {
  assert.deepEqual(definition(wFile, w.cursors[0], index).map((t) => t.uri), ['file:///w.yaml']);
});

test('find references from a workload lists the PDB, HPA and Service that point at it', () => {
  const refs = references(wFile, { line: 2, character: 20 }, index, 'file:///w.yaml').map((t) => t.selectionRange.start.line).sort((a, b) => a - b);
  assert.deepEqual(refs, [1, 9, 25]);
});

test('the coverage lens says what covers each workload', () => {
  const [lens] = coverageLenses(wFile, index, 'file:///w.yaml');
  assert.deepEqual(lens.items.map((i) => `${i.kind} ${i.name}${i.detail ? ` ${i.detail}` : ''}`), ['PDB api-pdb', 'Service api', 'HPA api 3–50']);
});
