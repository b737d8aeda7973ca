import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CompletionItem, CompletionList, Hover } from 'vscode-languageserver-protocol';
import { marked } from '../helpers/cursor';
import { fileUri, LspClient } from '../helpers/lspClient';
import { writeWorkspace } from '../helpers/lspWorkspace';

const FILES: Record<string, string> = {
  'shop/api.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  replicas: 3
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api, tier: web}
    spec:
      containers:
        - name: api
          image: registry.example.com/api:1.0.0
          ports: [{name: http, containerPort: 8080}]
        - name: proxy
          image: registry.example.com/proxy:1.0.0
`,
  'shop/config.yaml': `apiVersion: v1
kind: ConfigMap
metadata: {name: api-config, namespace: shop}
---
apiVersion: v1
kind: Secret
metadata: {name: api-credentials, namespace: shop}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: api-runner, namespace: shop}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: elsewhere, namespace: other}
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: business-critical}
value: 1000
`,
};

describe('manifest completion over LSP', () => {
  let root: string;
  let client: LspClient;
  let n = 0;
  const uri = (rel: string) => fileUri(path.join(root, rel));

  /** Opens a new document with `|` marking the cursor and asks for completion there. */
  async function completeAt(source: string, rel = `shop/edit-${++n}.yaml`): Promise<{ items: CompletionItem[]; text: string }> {
    const m = marked(source);
    client.open(uri(rel), m.text);
    const result = await client.request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri: uri(rel) }, position: m.cursors[0] });
    return { items: Array.isArray(result) ? result : result.items, text: m.text };
  }
  const labels = async (source: string) => (await completeAt(source)).items.map((i) => i.label);
  const item = async (source: string, label: string) => {
    const { items } = await completeAt(source);
    const found = items.find((i) => i.label === label);
    assert.ok(found, `no ${label} among ${items.map((i) => i.label).join(', ')}`);
    return found;
  };
  const newText = (i: CompletionItem) => (i.textEdit && 'newText' in i.textEdit ? i.textEdit.newText : i.insertText);

  before(async () => {
    root = writeWorkspace('kws-complete-', FILES);
    client = await LspClient.start({ workspaceFolder: root, settings: {} });
    await client.waitFor(() => client.received('workloadStudio/indexReady')[0], 30_000, 'indexReady');
  });

  after(() => client.shutdown());

  test('the server declares completion and hover', () => {
    assert.ok(client.initializeResult.capabilities.completionProvider);
    assert.equal(client.initializeResult.capabilities.hoverProvider, true);
  });

  test('a partly typed key inside a container offers a probe skeleton with tab stops', async () => {
    const i = await item('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: x\n      liven|\n', 'livenessProbe');
    assert.equal(i.insertTextFormat, 2);
    assert.match(newText(i) ?? '', /^livenessProbe:\n {2}httpGet:\n {4}path: \$\{1:\/healthz\}/);
    assert.deepEqual(i.textEdit && 'range' in i.textEdit ? i.textEdit.range : undefined, { start: { line: 7, character: 6 }, end: { line: 7, character: 11 } });
  });

  test('keys at every level of a pod spec leave out present ones', async () => {
    const names = await labels('apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers: []\n      |\n');
    assert.ok(names.includes('volumes') && names.includes('securityContext') && !names.includes('containers'));
  });

  test('flow style', async () => {
    const i = await item('apiVersion: v1\nkind: Pod\nmetadata: {name: p, |}\n', 'namespace');
    assert.equal(newText(i), 'namespace: ');
    assert.ok(!(await labels('apiVersion: v1\nkind: Pod\nmetadata: {name: p, |}\n')).includes('name'));
  });

  test('an empty document offers resources and kind values set the apiVersion', async () => {
    assert.ok((await labels('|')).includes('kind: Deployment'));
    const i = await item('kind: State|\n', 'StatefulSet');
    assert.deepEqual(i.additionalTextEdits, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'apiVersion: apps/v1\n' }]);
  });

  test('CRLF line ends', async () => {
    const names = await labels('apiVersion: apps/v1\r\nkind: Deployment\r\nspec:\r\n  strategy:\r\n    type: |\r\n');
    assert.deepEqual(names.sort(), ['Recreate', 'RollingUpdate']);
  });

  test('a multi-document file uses each document\'s kind', async () => {
    const names = await labels('apiVersion: v1\nkind: Service\nmetadata: {name: s}\n---\napiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  concurrencyPolicy: |\n');
    assert.deepEqual(names.sort(), ['Allow', 'Forbid', 'Replace']);
  });

  test('names from the workspace: service accounts of the namespace, priority classes, config maps and secrets', async () => {
    const pod = (rest: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\nspec:\n${rest}`;
    assert.deepEqual(await labels(pod('  serviceAccountName: |\n')), ['api-runner']);
    assert.deepEqual(await labels(pod('  priorityClassName: |\n')), ['business-critical']);
    assert.ok((await labels(pod('  containers:\n    - name: a\n      envFrom:\n        - configMapRef:\n            name: |\n'))).includes('api-config'));
    assert.ok((await labels(pod('  containers:\n    - name: a\n      envFrom:\n        - secretRef: {name: |}\n'))).includes('api-credentials'));
  });

  test('selectors offer the label pairs of workloads in the namespace', async () => {
    const names = await labels('apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: api, namespace: shop}\nspec:\n  selector:\n    matchLabels:\n      |\n');
    assert.ok(names.includes('app: api') && names.includes('tier: web'));
  });

  test('NetworkPolicy pod selectors offer the label pairs of workloads in the namespace', async () => {
    const np = (ns: string, spec: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: api, namespace: ${ns}}\nspec:\n${spec}`;
    const block = await labels(np('shop', '  podSelector:\n    matchLabels:\n      |\n'));
    assert.ok(block.includes('app: api') && block.includes('tier: web'), block.join(', '));
    assert.ok((await labels(np('shop', '  podSelector:\n    matchLabels: {|}\n'))).includes('app: api'));
    assert.ok((await labels(np('shop', '  podSelector: {}\n  ingress:\n    - from:\n        - podSelector:\n            matchLabels:\n              |\n'))).includes('tier: web'));
    assert.ok(!(await labels(np('other', '  podSelector:\n    matchLabels:\n      |\n'))).includes('app: api'));
  });

  test('a namespaceSelector offers namespace labels, not pod labels', async () => {
    const names = await labels('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: api, namespace: shop}\nspec:\n  podSelector: {}\n  ingress:\n    - from:\n        - namespaceSelector:\n            matchLabels:\n              |\n');
    assert.ok(names.includes('kubernetes.io/metadata.name: shop') && names.includes('kubernetes.io/metadata.name: other'), names.join(', '));
    assert.ok(!names.includes('app: api'));
  });

  test('PDB selector in flow style offers the label pairs too', async () => {
    assert.ok((await labels('apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: api, namespace: shop}\nspec:\n  selector: {matchLabels: {|}}\n')).includes('tier: web'));
  });

  test('scaleTargetRef offers workloads with apiVersion, kind and name together', async () => {
    const i = await item('apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: api, namespace: shop}\nspec:\n  scaleTargetRef:\n    |\n', 'Deployment api');
    assert.equal(newText(i), 'apiVersion: apps/v1\nkind: Deployment\nname: api');
  });

  test('container names of the HPA target and declared port names for probes', async () => {
    const hpa = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: api, namespace: shop}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}\n  metrics:\n    - type: ContainerResource\n      containerResource:\n        name: cpu\n        container: |\n';
    assert.deepEqual((await labels(hpa)).sort(), ['api', 'proxy']);
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\nspec:\n  containers:\n    - name: a\n      image: x\n      ports: [{name: metrics, containerPort: 9090}]\n      readinessProbe:\n        httpGet:\n          port: |\n';
    assert.deepEqual(await labels(pod), ['metrics']);
    const svc = 'apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: shop}\nspec:\n  selector: {app: api}\n  ports:\n    - port: 80\n      targetPort: |\n';
    assert.deepEqual(await labels(svc), ['http']);
  });

  test('a client with snippet support gets the probe as a snippet', async () => {
    const i = await item('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: x\n      liven|\n', 'livenessProbe');
    assert.equal(i.insertTextFormat, 2);
    assert.match(newText(i) ?? '', /\$\{1:/);
  });

  test('.kws.yaml completion and hover still work', async () => {
    const m = marked('profile: |');
    client.open(uri('.kws.yaml'), m.text);
    const result = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: uri('.kws.yaml') }, position: m.cursors[0] });
    assert.deepEqual(result.map((i) => i.label), ['production', 'baseline', 'restricted', 'minimal']);
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uri('.kws.yaml') }, position: { line: 0, character: 2 } });
    assert.match(JSON.stringify(h.contents), /rule set/);
  });
});

describe('manifest completion for a client without snippet support', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ snippetSupport: false, settings: {}, initializationOptions: { index: false } });
  });
  after(() => client.shutdown());

  async function items(source: string): Promise<CompletionItem[]> {
    const m = marked(source);
    const uri = `untitled:plain-${source.length}.yaml`;
    client.open(uri, m.text);
    const result = await client.request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: m.cursors[0] });
    return Array.isArray(result) ? result : result.items;
  }
  const text = (i: CompletionItem) => (i.textEdit && 'newText' in i.textEdit ? i.textEdit.newText : i.insertText) ?? '';

  test('the probe skeleton arrives as plain text with its defaults', async () => {
    const list = await items('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: x\n      liven|\n');
    const probe = list.find((i) => i.label === 'livenessProbe');
    assert.ok(probe);
    assert.equal(probe.insertTextFormat, 1);
    assert.match(text(probe), /^livenessProbe:\n {2}httpGet:\n {4}path: \/healthz\n/);
    assert.ok(list.every((i) => i.insertTextFormat === 1 && !/\$\{?\d/.test(text(i))), 'every item is plain text');
  });

  test('resource starters in an empty document are plain text', async () => {
    const starter = (await items('|')).find((i) => i.label === 'kind: Deployment');
    assert.ok(starter);
    assert.equal(starter.insertTextFormat, 1);
    assert.equal(text(starter), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: name\n');
  });
});
