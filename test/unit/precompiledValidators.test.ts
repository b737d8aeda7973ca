import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { ErrorObject } from 'ajv';
import { listYamlFiles } from '../../server/src/index/scan';
import { parseYamlFile } from '../../server/src/model/yamlFile';
import { defaultSchemaStore } from '../../server/src/schema/instance';
import { precompiledValidator, type PrecompiledIndex } from '../../server/src/schema/precompiled';
import { yamlToJson } from '../../server/src/schema/toJson';
import { compiledValidator } from '../../server/src/schema/validators';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import { CORPUS, needsCorpus } from '../helpers/paths';
import { prng } from '../fuzz/mutate';

const MINOR = DEFAULT_SETTINGS.kubernetes.max;
const store = defaultSchemaStore()!;
const regExp = (pattern: string, flags: string) => new RegExp(pattern, flags);

function summary(errors: ErrorObject[] | null | undefined) {
  return (errors ?? []).map((e) => ({ keyword: e.keyword, instancePath: e.instancePath, schemaPath: e.schemaPath, params: e.params, data: e.data, properties: Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {}) }));
}

/** A copy of a resource with one value broken: a field renamed, a scalar turned into another type, an item dropped. */
function broken(value: unknown, rand: () => number): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  const objects: Record<string, unknown>[] = [];
  const walk = (v: unknown) => {
    if (v && typeof v === 'object') {
      objects.push(v as Record<string, unknown>);
      for (const child of Object.values(v)) walk(child);
    }
  };
  walk(copy);
  for (let i = 0; i < 3; i++) {
    const target = objects[Math.floor(rand() * objects.length)];
    const keys = Object.keys(target);
    if (!keys.length) continue;
    const key = keys[Math.floor(rand() * keys.length)];
    const choice = rand();
    if (choice < 0.3) {
      target[`${key}x`] = target[key];
      delete target[key];
    } else if (choice < 0.6) target[key] = typeof target[key] === 'string' ? 42 : 'forty-two';
    else if (choice < 0.8) target[key] = [target[key]];
    else delete target[key];
  }
  return copy;
}

test('the build wrote a validator for every kind but the lists at the default window’s newest minor', () => {
  const expected = store.kinds(MINOR).filter((k) => !k.kind.endsWith('List') && store.bundleRef(MINOR, k.apiVersion, k.kind));
  assert.ok(expected.length > 50);
  const missing = expected.filter((k) => !precompiledValidator(store.dir, MINOR, k.apiVersion, k.kind, regExp)).map((k) => `${k.apiVersion} ${k.kind}`);
  assert.deepEqual(missing, [], 'run `npm run build`, which writes them');
  assert.equal(precompiledValidator(store.dir, MINOR, 'apps/v1', 'DeploymentList', regExp), undefined);
  assert.equal(precompiledValidator(store.dir, MINOR - 1, 'apps/v1', 'Deployment', regExp), undefined);
});

test('the build minified every generated module and kept its factory in parentheses, which V8 compiles with the script', () => {
  const dir = path.join(store.dir, 'validators');
  const index = JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')) as PrecompiledIndex;
  const files = [...new Set(Object.values(index.minors[String(MINOR)]))];
  assert.ok(files.length > 50);
  for (const file of files) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    assert.ok(/^"use strict";module\.exports=\(function\([\w$]+,[\w$]+,[\w$]+\)\{/.test(text), `${file} starts with a parenthesised factory`);
    assert.ok(text.trimEnd().endsWith('});'), `${file} ends its parenthesised factory`);
    assert.ok(!text.trimEnd().includes('\n'), `${file} is minified`);
  }
});

test('precompiled validators answer as the ones ajv compiles at run time, on the corpus and broken copies of it', needsCorpus(), async () => {
  const rand = prng(Number(process.env.KWS_FUZZ_SEED ?? 23));
  const kinds = new Set<string>();
  let compared = 0;
  let invalid = 0;
  for (const file of (await listYamlFiles(CORPUS, [])).sort()) {
    const model = parseYamlFile(readFileSync(file, 'utf8'), { templates: 'ignore' });
    for (const placed of model.documents) {
      for (const r of placed.doc.resources) {
        const pre = precompiledValidator(store.dir, MINOR, r.apiVersion, r.kind, regExp);
        if (!pre) continue;
        const compiled = compiledValidator(store, MINOR, r.apiVersion, r.kind)!;
        let data: unknown;
        try {
          data = yamlToJson(r.node, placed.doc.anchors);
        } catch {
          continue;
        }
        for (const input of [data, broken(data, rand)]) {
          const expected = compiled(input);
          const expectedErrors = summary(compiled.errors);
          assert.equal(pre(input), expected, `${file}: ${r.kind}/${r.name}`);
          assert.deepEqual(summary(pre.errors), expectedErrors, `${file}: ${r.kind}/${r.name}`);
          if (!expected) invalid++;
          compared++;
        }
        kinds.add(r.kind);
      }
    }
  }
  assert.ok(compared > 1000 && invalid > 300 && kinds.size > 25, `${compared} compared, ${invalid} invalid, ${kinds.size} kinds`);
});
