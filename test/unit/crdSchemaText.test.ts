import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { isMap } from 'yaml';
import { getAt } from '../../server/src/model/nodes';
import { parseYamlFile } from '../../server/src/model/yamlFile';
import { compactSchemaText } from '../../server/src/schema/crdSchema';
import { yamlToJson } from '../../server/src/schema/toJson';
import { CORPUS, needsCorpus } from '../helpers/paths';

const DOCS = new Set(['description', 'example', 'externalDocs']);
const NESTED = new Set(['properties', 'patternProperties', 'definitions']);

/** The reference: strip documentation keys from a plain copy, then JSON.stringify it. */
function oracle(schema: unknown): string {
  const strip = (s: unknown): unknown => {
    if (Array.isArray(s)) return s.map(strip);
    if (!s || typeof s !== 'object') return s;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(s)) {
      if (DOCS.has(k)) continue;
      if (NESTED.has(k) && v && typeof v === 'object' && !Array.isArray(v)) out[k] = Object.fromEntries(Object.entries(v).map(([n, sub]) => [n, strip(sub)]));
      else out[k] = k === 'enum' || k === 'default' ? v : strip(v);
    }
    return out;
  };
  return JSON.stringify(strip(schema));
}

function crdSchemas(): { name: string; node: unknown; anchors: Parameters<typeof yamlToJson>[1] }[] {
  const out: { name: string; node: unknown; anchors: Parameters<typeof yamlToJson>[1] }[] = [];
  for (const f of readdirSync(CORPUS, { recursive: true }).map(String).filter((x) => /\.ya?ml$/.test(x))) {
    const text = readFileSync(path.join(CORPUS, f), 'utf8');
    if (!text.includes('openAPIV3Schema') || text.length > 300_000 || out.length >= 60) continue;
    for (const d of parseYamlFile(text, { templates: 'ignore' }).documents) {
      for (const r of d.doc.resources) {
        const versions = getAt(r.node, ['spec', 'versions'], d.doc.anchors);
        for (let i = 0; versions && i < 50; i++) {
          const node = getAt(r.node, ['spec', 'versions', i, 'schema', 'openAPIV3Schema'], d.doc.anchors);
          if (isMap(node)) out.push({ name: `${f} ${r.name} #${i}`, node, anchors: d.doc.anchors });
        }
      }
    }
  }
  return out;
}

test('the cached compact schema text equals stripping then JSON.stringify, for every CRD schema in the corpus', needsCorpus(), () => {
  const schemas = crdSchemas();
  assert.ok(schemas.length >= 10, `only ${schemas.length} CRD schemas found`);
  for (const s of schemas) {
    const json = yamlToJson(s.node as never, s.anchors, { keepNulls: true, cache: true });
    assert.equal(compactSchemaText(json), oracle(json), s.name);
    assert.equal(compactSchemaText(json), oracle(json), `${s.name} (cached)`);
  }
});

test('a shared subtree is serialised once and reused inside a new parent', () => {
  const child = { type: 'string', description: 'gone' };
  const first = { properties: { a: child }, required: ['a'] };
  const second = { properties: { a: child, b: { type: 'integer', example: 3 } } };
  assert.equal(compactSchemaText(first), '{"properties":{"a":{"type":"string"}},"required":["a"]}');
  assert.equal(compactSchemaText(second), '{"properties":{"a":{"type":"string"},"b":{"type":"integer"}}}');
});
