import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { listYamlFiles } from '../../server/src/index/scan';
import { isTemplate } from '../../server/src/model/templates';
import { mutate, prng } from '../fuzz/mutate';
import { CORPUS, needsCorpus, REPO_ROOT } from '../helpers/paths';

/** The rule isTemplate implements, written line by line as plainly as possible: the oracle of the tests below. */
function referenceIsTemplate(text: string): boolean {
  if (!text.includes('{{')) return false;
  if (/\{\{-?\s*(?:(?:if|else|end|range|with|define|block|template|include|tpl)\b|[^}]*(?:\.Values|\.Release|\.Chart|\.Capabilities|\.Files|\binclude\b|\btoYaml\b|\bnindent\b))/.test(text)) return true;
  let blockIndent = -1;
  for (const line of text.split('\n')) {
    const indent = line.length - line.trimStart().length;
    if (blockIndent >= 0) {
      if (!line.trim() || indent > blockIndent) continue;
      blockIndent = -1;
    }
    const outsideStrings = line.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, '').replace(/#.*$/, '');
    if (outsideStrings.includes('{{')) return true;
    if (/:\s*[|>][-+0-9]*\s*(#.*)?$/.test(line)) blockIndent = indent;
  }
  return false;
}

const CASES: [string, boolean][] = [
  ['replicas: {{ .Values.replicas }}\n', true],
  ['{{- if .Values.enabled }}\nkind: Service\n{{- end }}\n', true],
  ['name: {{ $name }}\n', true],
  ['annotations:\n  summary: "Pod {{ $labels.pod }} is down"\n', false],
  ["annotations:\n  summary: 'Pod {{ $labels.pod }} is down'\n", false],
  ['data:\n  json: |-\n    {"legendFormat": "{{pod}}"}\n    {"x": "{{node}}"}\nkind: ConfigMap\n', false],
  ['data:\n  json: |-\n    {"legendFormat": "{{pod}}"}\nname: {{ $x }}\n', true],
  ['data:\n  a: >\n\n      {{ deeper }}\n  \n  b: {{ $out }}\n', true],
  ['data:\n  a: |\n   \t{{ tab-indented }}\n', false],
  ['key: value # {{ in a comment }}\n', false],
  ['key: "{"x"{ {"\n', false],
  ['{"a"{', false],
  ['plain text without actions\n', false],
];

test('isTemplate: chart actions, actions outside strings and block scalars, and what is plain YAML text', () => {
  for (const [text, expected] of CASES) {
    assert.equal(isTemplate(text), expected, JSON.stringify(text));
    assert.equal(referenceIsTemplate(text), expected, `the oracle on ${JSON.stringify(text)}`);
  }
  for (const space of [' ', '\t', '\r', '\v', '\f', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u180e', '\u200b']) {
    for (const text of [`a: |\n  x\n${space}{{ y }}\n`, `a: |\n  x\n${space}\n  {{ y }}\n`, `a: |\n${space}${space}${space}\nb: {{ y }}\n`]) {
      assert.equal(isTemplate(text), referenceIsTemplate(text), JSON.stringify(text));
    }
  }
});

test('isTemplate answers as the line-by-line rule on the fixtures, the corpus and their mutations', needsCorpus(), async () => {
  const files = [...(await listYamlFiles(path.join(REPO_ROOT, 'test', 'fixtures'), [])), ...(await listYamlFiles(CORPUS, []))].sort();
  const rand = prng(Number(process.env.KWS_FUZZ_SEED ?? 17));
  let templates = 0;
  let checked = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const variants = [text, ...(text.includes('{{') ? Array.from({ length: 4 }, () => mutate(text, rand).text) : [])];
    for (const variant of variants) {
      const expected = referenceIsTemplate(variant);
      assert.equal(isTemplate(variant), expected, `${path.relative(REPO_ROOT, file)} (${variant === text ? 'as is' : 'mutated'})`);
      if (expected) templates++;
      checked++;
    }
  }
  assert.ok(templates >= 100, `only ${templates} templates among ${checked} texts`);
});
