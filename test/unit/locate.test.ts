import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatPath, locate } from '../../server/src/model/locate';
import { getAt, scalarText } from '../../server/src/model/nodes';
import { documentOffset } from '../../server/src/model/yamlDocument';
import { documentAt, parseYamlFile } from '../../server/src/model/yamlFile';
import { resourceAt } from '../../server/src/service/resourceAt';
import { marked, yaml } from '../helpers/cursor';

const source = yaml`
  # leading comment
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    template:
      spec:
        containers:
        - name: app
          image: nginx:1.2|7
          ports:
          - containerPort: 80
        - name: side|car
          args: [--a, --|b]
  ---
  # just a comment|
  ---
  {apiVersion: v1, kind: Service, metadata: {name: s|vc}}
`;

const m = marked(source);
const file = parseYamlFile(m.text, { templates: 'ignore' });
const at = (i: number) => {
  const placed = documentAt(file, m.cursors[i])!;
  return locate(placed.doc.ast.contents, documentOffset(placed, m.cursors[i])!);
};

test('locates values in block sequences and mappings', () => {
  const loc = at(0);
  assert.equal(formatPath(loc.path), 'spec.template.spec.containers[0].image');
  assert.equal(scalarText(loc.node), 'nginx:1.27');
  assert.equal(loc.inKey, false);
});

test('locates the second container and flow sequence items', () => {
  assert.equal(formatPath(at(1).path), 'spec.template.spec.containers[1].name');
  assert.equal(formatPath(at(2).path), 'spec.template.spec.containers[1].args[1]');
});

test('locates inside flow mappings', () => {
  assert.equal(formatPath(at(4).path), 'metadata.name');
});

test('getAt follows a path', () => {
  const root = file.documents[0].doc.ast.contents;
  assert.equal(scalarText(getAt(root, ['spec', 'template', 'spec', 'containers', 1, 'name'])), 'sidecar');
  assert.equal(getAt(root, ['spec', 'nope']), undefined);
});

test('resourceAt names the resource under the cursor, and nothing in a comment-only document', () => {
  const r0 = resourceAt(file, m.cursors[0])!;
  assert.deepEqual(r0.resource, { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: null });
  assert.equal(formatPath(r0.path), 'spec.template.spec.containers[0].image');
  assert.equal(resourceAt(file, m.cursors[3]), undefined);
  const r4 = resourceAt(file, m.cursors[4])!;
  assert.equal(r4.resource.kind, 'Service');
  assert.equal(r4.document, 1);
});

test('resourceAt inside a kind: List names the item', () => {
  const list = marked(yaml`
    apiVersion: v1
    kind: List
    items:
    - apiVersion: v1
      kind: ConfigMap
      metadata: {name: first}
    - apiVersion: v1
      kind: ConfigMap
      metadata: {name: sec|ond}
  `);
  const f = parseYamlFile(list.text, { templates: 'ignore' });
  assert.equal(resourceAt(f, list.cursors[0])?.resource.name, 'second');
});
