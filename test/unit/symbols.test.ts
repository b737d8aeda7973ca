import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseYamlFile } from '../../server/src/model/yamlFile';
import { documentSymbols } from '../../server/src/service/symbols';
import { yaml } from '../helpers/cursor';

test('the outline names each resource and shows its keys beneath', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: api
      namespace: shop
    spec:
      template:
        spec:
          containers:
          - name: app
            image: x
    ---
    just: data
    ---
    apiVersion: v1
    kind: List
    items:
    - {apiVersion: v1, kind: ConfigMap, metadata: {name: c1}}
  `;
  const symbols = documentSymbols(parseYamlFile(text, { templates: 'ignore' }));
  assert.deepEqual(symbols.map((s) => s.name), ['Deployment/api (shop)', '#2', 'List/?']);
  assert.deepEqual(symbols[0].children.map((c) => c.name), ['apiVersion', 'kind', 'metadata', 'spec']);
  const containers = symbols[0].children[3].children[0].children[0].children[0];
  assert.equal(containers.name, 'containers');
  assert.equal(containers.children[0].name, '[0] app');
  assert.equal(symbols[0].selectionRange.start.line, 1);
  const items = symbols[2].children.find((c) => c.name === 'items')!;
  assert.equal(items.children[0].name, 'ConfigMap/c1');
  assert.equal(symbols[2].range.start.line, 14);
});
