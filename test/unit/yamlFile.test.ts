import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileRange } from '../../server/src/model/yamlDocument';
import { documentAt, parseYamlFile } from '../../server/src/model/yamlFile';
import { ModelCache } from '../../server/src/service/modelCache';
import { analyzeFile } from '../../server/src/service/analyze';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import { yaml } from '../helpers/cursor';

const parse = (text: string, templates: 'ignore' | 'bestEffort' = 'ignore') => parseYamlFile(text, { templates });
const YAML_RULES = new Set(['syntax', 'duplicate-key', 'encoding']);
const findings = (text: string, templates: 'ignore' | 'bestEffort' = 'ignore') =>
  analyzeFile(parse(text, templates), { ...DEFAULT_SETTINGS, templates }).filter((f) => YAML_RULES.has(f.ruleId));

const deployment = (name: string) => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: ${name}
    namespace: shop
  spec:
    replicas: 2
`;

test('detects resources by content, with their identity', () => {
  const file = parse(`${deployment('api')}---\napiVersion: v1\nkind: Service\nmetadata: {name: api}\n`);
  assert.equal(file.documents.length, 2);
  const [d, s] = file.documents.map((p) => p.doc.resources[0]);
  assert.deepEqual([d.apiVersion, d.group, d.version, d.kind, d.name, d.namespace], ['apps/v1', 'apps', 'v1', 'Deployment', 'api', 'shop']);
  assert.deepEqual([s.group, s.version, s.kind, s.name, s.namespace], ['', 'v1', 'Service', 'api', null]);
});

test('documents start on their file lines, after skipped documents and with CRLF too', () => {
  const text = 'a: 1\r\n---\r\nb: 2\r\n\r\n---\r\n# only a comment\r\n---\r\nc: 3\r\n---\r\nd: |\r\n  x\r\n\r\n  y\r\n---\r\ne: 5\r\n';
  assert.deepEqual(parse(text).documents.map((d) => d.startLine), [0, 1, 6, 8, 13]);
  const lf = text.replace(/\r/g, '');
  assert.deepEqual(parse(lf).documents.map((d) => d.startLine), [0, 1, 6, 8, 13]);
});

test('documents without apiVersion and kind are not resources', () => {
  const file = parse('foo: bar\n---\nkind: Pod\n---\n- a\n');
  assert.deepEqual(file.documents.map((d) => d.doc.resources.length), [0, 0, 0]);
});

test('empty and comment-only documents are not counted', () => {
  const file = parse('# header\n---\n---\n# nothing\n...\n---\nkind: Pod\napiVersion: v1\n---\n');
  assert.equal(file.documents.length, 1);
  assert.equal(file.documents[0].startLine, 5);
  assert.equal(parse('').documents.length, 0);
});

test('kind: List items are resources with their path', () => {
  const file = parse(yaml`
    apiVersion: v1
    kind: List
    items:
    - apiVersion: v1
      kind: ConfigMap
      metadata: {name: a}
    - apiVersion: v1
      kind: Secret
      metadata: {name: b}
  `);
  const rs = file.documents[0].doc.resources;
  assert.deepEqual(rs.map((r) => [r.kind, r.name, r.path.join('.')]), [['ConfigMap', 'a', 'items.0'], ['Secret', 'b', 'items.1']]);
});

test('syntax errors carry ranges in file lines, in the right document', () => {
  const text = 'a: 1\n---\nb: 2\n---\nc: [1, 2\nd: 3\n';
  const [f] = findings(text);
  assert.equal(f.ruleId, 'syntax');
  assert.equal(f.severity, 'error');
  assert.equal(f.document, 2);
  assert.ok(f.range.start.line >= 4, `line ${f.range.start.line}`);
});

test('duplicate keys are a finding on the second key', () => {
  const fs = findings('apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\n');
  assert.deepEqual(fs.map((f) => [f.ruleId, f.range.start.line, f.range.start.character]), [['duplicate-key', 4, 2]]);
  assert.match(fs[0].message, /`name`/);
});

test('tabs used as indentation are a syntax error; trailing tabs are fine', () => {
  assert.equal(findings('a:\n\tb: 1\n')[0]?.ruleId, 'syntax');
  assert.deepEqual(findings('a: 1\t\nb: 2 \t\n'), []);
});

test('CRLF files give the same positions as LF files', () => {
  const lf = findings('a: 1\n---\nb: [1\nc: 2\n');
  const crlf = findings('a: 1\r\n---\r\nb: [1\r\nc: 2\r\n');
  assert.deepEqual(crlf.map((f) => f.range.start), lf.map((f) => f.range.start));
});

test('flow style resources are detected', () => {
  const file = parse('{apiVersion: v1, kind: ConfigMap, metadata: {name: flow, namespace: x}, data: {a: "1"}}\n');
  assert.deepEqual(file.documents[0].doc.resources.map((r) => [r.kind, r.name, r.namespace]), [['ConfigMap', 'flow', 'x']]);
});

test('anchors, aliases and merge keys resolve; unresolved aliases are errors', () => {
  const file = parse(yaml`
    base: &meta {name: merged, namespace: ns1}
    apiVersion: v1
    kind: ConfigMap
    metadata:
      <<: *meta
      namespace: own
  `);
  const r = file.documents[0].doc.resources[0];
  assert.deepEqual([r.name, r.namespace], ['merged', 'own']);
  const fs = findings('a: *nowhere\n');
  assert.equal(fs[0].ruleId, 'syntax');
  assert.match(fs[0].message, /\*nowhere/);
});

test('a merge key with no anchor in the document is followed too', () => {
  for (const key of ['<<', '"<<"']) {
    const file = parse(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  ${key}: {name: merged, namespace: ns1}\n  namespace: own\n`);
    const { doc } = file.documents[0];
    assert.equal(doc.anchors.merges, true, key);
    assert.deepEqual([doc.resources[0].name, doc.resources[0].namespace], ['merged', 'own'], key);
  }
  assert.equal(parse('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n').documents[0].doc.anchors.merges, false);
});

test('an alias bomb parses without expanding', () => {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 30; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  const file = parse(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
  assert.equal(file.documents[0].doc.resources[0].name, 'bomb');
  assert.deepEqual(findings(file.text), []);
});

test('YAML 1.1 scalars are read as Kubernetes reads them', () => {
  const file = parse('a: on\nb: no\nc: 0755\nd: "on"\n');
  const js = file.documents[0].doc.ast.toJS() as Record<string, unknown>;
  assert.deepEqual(js, { a: true, b: false, c: 493, d: 'on' });
});

test('template files are skipped by default and masked in bestEffort, without syntax errors', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: {{ include "app.fullname" . }}
      labels:
        {{- include "app.labels" . | nindent 4 }}
    spec:
      {{- if .Values.replicas }}
      replicas: {{ .Values.replicas }}
      {{- end }}
  `;
  const ignored = parse(text);
  assert.equal(ignored.template, true);
  assert.equal(ignored.documents.length, 0);
  assert.deepEqual(findings(text), []);
  const masked = parse(text, 'bestEffort');
  assert.equal(masked.documents[0].doc.resources[0].kind, 'Deployment');
  assert.deepEqual(findings(text, 'bestEffort'), []);
});

test('an edit re-parses only the documents whose text changed', () => {
  const docs = Array.from({ length: 5 }, (_, i) => deployment(`d${i}`)).join('---\n');
  const first = parse(docs);
  assert.equal(first.reparsed, 5);
  const edited = docs.replace('name: d3', 'name: d3x');
  const second = parseYamlFile(edited, { templates: 'ignore' }, first);
  assert.equal(second.reparsed, 1);
  assert.equal(second.documents[0].doc, first.documents[0].doc);
  assert.notEqual(second.documents[3].doc, first.documents[3].doc);
  const inserted = parseYamlFile(`# new header line\n${edited}`, { templates: 'ignore' }, second);
  assert.equal(inserted.reparsed, 1);
  assert.equal(inserted.documents[4].startLine, second.documents[4].startLine + 1);
});

test('positions map between files and documents', () => {
  const file = parse('a: 1\n---\nb: 2\n---\nc: 3\n');
  assert.equal(documentAt(file, { line: 4, character: 1 })?.index, 2);
  assert.equal(documentAt(file, { line: 0, character: 0 })?.index, 0);
  const third = file.documents[2];
  assert.deepEqual(fileRange(third, [4, 5]), { start: { line: 4, character: 0 }, end: { line: 4, character: 1 } });
});

test('in bestEffort, findings on masked template actions are dropped', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: cfg
      labels:
        app: {{ .Values.app }}
  `;
  const file = parse(text, 'bestEffort');
  assert.equal(file.masked.length, 1);
  const all = analyzeFile(file, { ...DEFAULT_SETTINGS, templates: 'bestEffort' });
  assert.deepEqual(all.filter((f) => f.range.start.line === 5), []);
});

test('Prometheus templates inside strings and block scalars are not Helm templates', () => {
  const rule = yaml`
    apiVersion: monitoring.coreos.com/v1
    kind: PrometheusRule
    metadata: {name: alerts}
    spec:
      groups:
        - name: pods
          rules:
            - alert: PodNotReady
              expr: kube_pod_status_ready{condition="false"} == 1
              annotations:
                summary: "Pod {{ $labels.pod }} is not ready"
                description: |
                  {{ $labels.namespace }}/{{ $labels.pod }} has been unready for 15 minutes.
  `;
  assert.equal(parse(rule).template, false);
  assert.equal(parse('image: "{{ .Values.image }}"\n').template, true);
  assert.equal(parse('metadata:\n  name: {{ $name }}\n').template, true);
  assert.equal(parse('{{- if .Values.enabled }}\na: 1\n{{- end }}\n').template, true);
});

test('reopening a recently closed document reuses its parse, within the budget of closed models', () => {
  const cache = new ModelCache({ chars: 1000, files: 4 });
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n';
  const first = cache.get('file:///a.yaml', text, 1, 'ignore');
  cache.delete('file:///a.yaml');
  const reopened = cache.get('file:///a.yaml', text, 1, 'ignore');
  assert.equal(reopened.documents[1].doc, first.documents[1].doc);
  const others = Array.from({ length: 5 }, (_, i) => {
    const model = cache.get(`file:///other-${i}.yaml`, text, 1, 'ignore');
    cache.delete(`file:///other-${i}.yaml`);
    return model;
  });
  cache.delete('file:///a.yaml');
  for (let i = 0; i < 5; i++) cache.get(`file:///more-${i}.yaml`, 'a: 1\n', 1, 'ignore');
  assert.notEqual(cache.get('file:///other-0.yaml', text, 1, 'ignore'), others[0], 'the oldest closed model was dropped: four files at most');
  const kept = cache.get('file:///other-4.yaml', text, 1, 'ignore');
  assert.equal(kept, others[4]);
  const small = new ModelCache({ chars: 300, files: 10 });
  const closed = ['x', 'y', 'z'].map((name) => {
    const model = small.get(`file:///${name}.yaml`, text, 1, 'ignore');
    small.delete(`file:///${name}.yaml`);
    return model;
  });
  assert.equal(small.get('file:///z.yaml', text, 1, 'ignore'), closed[2]);
  assert.equal(small.get('file:///y.yaml', text, 1, 'ignore'), closed[1]);
  assert.notEqual(small.get('file:///x.yaml', text, 1, 'ignore'), closed[0], 'dropped: three texts of 106 characters go over 300');
});
