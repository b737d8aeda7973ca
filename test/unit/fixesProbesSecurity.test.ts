import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, DocumentEditor } from '../../server/src/fixes/edits';
import { buildFix } from '../../server/src/fixes/engine';
import { detectStyle } from '../../server/src/fixes/style';
import { fixEdit } from '../../server/src/lsp/codeActions';
import { getAt } from '../../server/src/model/nodes';
import { parseYamlFile } from '../../server/src/model/yamlFile';
import type { Settings } from '../../server/src/service/settings';
import { analyzeText, FIX_SETTINGS } from './fixesHelpers';

const DEPLOYMENT = (container: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27.2\n${container}`;

function build(text: string, ruleId: string, fixId: string, settings: Settings = FIX_SETTINGS, onLine?: number) {
  const { file, findings, env } = analyzeText(text, settings);
  const finding = findings.find((f) => f.ruleId === ruleId && (onLine === undefined || f.range.start.line === onLine));
  assert.ok(finding, `${ruleId} not reported`);
  return { file, built: buildFix(file, finding, fixId, settings, env) };
}

test('a probe fix needs a declared port, and prefers an HTTP-named one over the first port', () => {
  assert.equal(build(DEPLOYMENT(''), 'readiness-probe-missing', 'add-readiness-probe').built, undefined);
  const text = DEPLOYMENT('          ports:\n            - containerPort: 9090\n            - name: web\n              containerPort: 8080\n');
  const { built } = build(text, 'readiness-probe-missing', 'add-readiness-probe');
  assert.match(applyEdits(text, built!.edits), /readinessProbe:\n {12}httpGet:\n {14}path: \/readyz\n {14}port: web\n/);
});

test('probe fixes carry tab stops, sent as snippet edits only to clients that take them', () => {
  const text = DEPLOYMENT('          ports:\n            - name: http\n              containerPort: 8080\n');
  const { file, built } = build(text, 'liveness-probe-missing', 'add-liveness-probe');
  const snippet = built!.edits.find((e) => e.snippet)?.snippet;
  assert.ok(snippet?.includes('path: ${1:/healthz}') && snippet.includes('port: ${2:http}'), snippet);
  const plain = fixEdit('file:///w.yaml', 3, file, built!.edits, false);
  assert.ok(plain.changes && !plain.documentChanges);
  const rich = fixEdit('file:///w.yaml', 3, file, built!.edits, true);
  const change = rich.documentChanges?.[0];
  assert.ok(change && 'edits' in change);
  assert.equal(change.textDocument.version, 3);
  assert.deepEqual(change.edits.map((e) => ('snippet' in e ? e.snippet.kind : 'text')), ['snippet']);
});

test('add-resources adds only what the rules that report ask for', () => {
  const text = DEPLOYMENT('');
  const settings: Settings = { ...FIX_SETTINGS, rules: { ...FIX_SETTINGS.rules, 'cpu-limit-missing': { level: 'off' } } };
  const { built } = build(text, 'memory-limit-missing', 'add-resources', settings);
  const after = applyEdits(text, built!.edits);
  assert.match(after, /resources:\n {12}requests:\n {14}cpu: 100m\n {14}memory: 128Mi\n {12}limits:\n {14}memory: 256Mi\n$/);
});

test('removeItem keeps comments and flow commas right, and never empties a sequence', () => {
  const text = 'a:\n  - x # keep\n  - y\nb: [p, q, r]\nc:\n  - only\n';
  const file = parseYamlFile(text, { templates: 'ignore' });
  const placed = file.documents[0];
  const editor = new DocumentEditor(file, placed, detectStyle(text));
  const root = placed.doc.ast.contents;
  const a = getAt(root, ['a']) as never as { items: unknown[] };
  const b = getAt(root, ['b']) as never as { items: unknown[] };
  const c = getAt(root, ['c']) as never as { items: unknown[] };
  assert.equal(applyEdits(text, editor.removeItem(a as never, a.items[0])!), 'a:\n  # keep\n  - y\nb: [p, q, r]\nc:\n  - only\n');
  assert.equal(applyEdits(text, editor.removeItem(b as never, b.items[1])!), 'a:\n  - x # keep\n  - y\nb: [p, r]\nc:\n  - only\n');
  assert.equal(applyEdits(text, editor.removeItem(b as never, b.items[2])!), 'a:\n  - x # keep\n  - y\nb: [p, q]\nc:\n  - only\n');
  assert.equal(editor.removeItem(c as never, c.items[0]), undefined);
});

test('the restricted context is not offered for runAsUser 0 nor for Windows pods', () => {
  const root = DEPLOYMENT('          securityContext:\n            runAsUser: 0\n');
  const line = root.split('\n').findIndex((l) => l.includes('runAsUser'));
  assert.equal(build(root, 'run-as-non-root', 'apply-restricted-security-context', FIX_SETTINGS, line).built, undefined);
  assert.ok(build(root, 'run-as-non-root', 'apply-restricted-security-context').built);
  const windows = DEPLOYMENT('').replace('      containers:', '      os:\n        name: windows\n      containers:');
  assert.equal(build(windows, 'run-as-non-root', 'apply-restricted-security-context').built, undefined);
});

test('fix-capabilities-added removes only what the profile forbids', () => {
  const text = DEPLOYMENT('          securityContext:\n            capabilities:\n              add: [NET_ADMIN, CHOWN, SYS_TIME]\n');
  const { built } = build(text, 'capabilities-added', 'fix-capabilities-added');
  assert.match(applyEdits(text, built!.edits), /add: \[CHOWN\]\n$/);
});
