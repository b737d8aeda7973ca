import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { decodeBytes } from '../../server/src/model/decode';
import { parseYamlFile } from '../../server/src/model/yamlFile';
import { analyzeFile } from '../../server/src/service/analyze';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import { CORPUS, needsCorpus } from '../helpers/paths';

const ODD = path.join(CORPUS, 'odd');
const YAML_RULES = new Set(['syntax', 'duplicate-key', 'encoding']);
const load = (rel: string) => {
  const decoded = decodeBytes(readFileSync(path.join(ODD, rel)));
  const file = parseYamlFile(decoded.text, { templates: 'ignore' });
  const yamlOnly = analyzeFile(file, DEFAULT_SETTINGS, undefined, decoded).filter((f) => YAML_RULES.has(f.ruleId));
  return { file, findings: yamlOnly };
};

test('kube-linter anchors: aliases and merge keys resolve into resources', needsCorpus(), () => {
  const dir = path.join(ODD, 'kube-linter-anchors');
  const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => /\.ya?ml$/.test(f));
  const withAnchors = files.filter((f) => /&\w/.test(readFileSync(path.join(dir, f), 'utf8')));
  assert.ok(withAnchors.length >= 4, `anchored files: ${withAnchors.length}`);
  for (const f of withAnchors) {
    const { file, findings } = load(path.join('kube-linter-anchors', f));
    assert.deepEqual(findings.filter((x) => x.ruleId === 'syntax'), [], f);
    assert.ok(file.documents.some((d) => d.doc.resources.length), `${f} has a resource`);
  }
});

test('CRLF fixtures parse cleanly with resources', needsCorpus(), () => {
  for (const sub of ['argo-cd-crlf', 'datree-crlf']) {
    const dir = path.join(ODD, sub);
    for (const f of readdirSync(dir, { recursive: true }).map(String).filter((x) => /\.ya?ml$/.test(x))) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      assert.ok(text.includes('\r\n'), `${f} is CRLF`);
      const { file, findings } = load(path.join(sub, f));
      assert.deepEqual(findings, [], f);
      assert.ok(file.documents.every((d) => d.doc.resources.every((r) => !/\r/.test(r.name ?? ''))), f);
    }
  }
});

test('kubeconform oddities: blank, comment-only, lists, duplicates', needsCorpus(), () => {
  assert.equal(load('kubeconform/fixtures/blank.yaml').file.documents.length, 0);
  assert.equal(load('kubeconform/fixtures/comment.yaml').file.documents.length, 0);
  const list = load('kubeconform/fixtures/list_valid.yaml');
  assert.ok(list.file.documents[0].doc.resources.length >= 2);
  assert.deepEqual(load('kubeconform/fixtures/duplicate_property.yaml').findings.map((f) => f.ruleId), ['duplicate-key']);
  assert.equal(load('kubeconform/fixtures/missing_kind_value.yaml').file.documents[0].doc.resources.length, 0);
});

test('kubescape tabs: the broken flow sequence is the only syntax error', needsCorpus(), () => {
  const dir = path.join(ODD, 'kubescape-tabs');
  const bad = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => /\.ya?ml$/.test(f))
    .filter((f) => load(path.join('kubescape-tabs', f)).findings.some((x) => x.ruleId === 'syntax'));
  assert.deepEqual(bad.map((f) => path.basename(f)), ['c007.yaml']);
});
