import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { defaultSchemaStore } from '../../server/src/schema/instance';
import { kindKey, openSchemaStore } from '../../server/src/schema/store';
import type { StoredDef, StoredNode } from '../../server/src/schema/stored';
import { computeRegularKind, REGULAR_KINDS_FILE, regularKind, storeKinds } from '../../server/src/versions/regularKinds';

/** Two minors (1 and 2) whose kinds are `v1 <name>`, each with its root definition per minor; names are definitions. */
function store(names: string[], fields: StoredNode[], perMinor: Record<number, { defs: Record<string, StoredDef>; kinds: string[] }>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'kws-regular-'));
  const defs: StoredDef[] = [];
  const versions: Record<string, string> = {};
  for (const [minor, v] of Object.entries(perMinor)) {
    const pairs = Object.entries(v.defs).map(([name, body]) => [names.indexOf(name), defs.push(body) - 1]);
    writeFileSync(path.join(dir, `v${minor}.json`), JSON.stringify({ minor: Number(minor), source: 'test', defs: pairs, kinds: v.kinds.map((k) => ['v1', k, names.indexOf(k)]) }));
    versions[minor] = `v${minor}.json`;
  }
  writeFileSync(path.join(dir, 'shared.json'), JSON.stringify({ names, fields, defs }));
  writeFileSync(path.join(dir, 'descriptions.json'), '[]');
  writeFileSync(path.join(dir, 'index.json'), JSON.stringify({ format: 2, minors: Object.keys(perMinor).map(Number), shared: 'shared.json', descriptions: 'descriptions.json', versions, sources: { kubernetes: {}, formats: '', enums: '', crds: [] } }));
  return openSchemaStore(dir);
}

describe('regular kinds: every field path holds one kind of value at each minor where it exists', () => {
  const names = ['Root', 'Spec', 'Labels', 'Node'];
  const fields: StoredNode[] = [{ r: 1 }, { t: 'object', a: { t: 'string' } }, { r: 2 }, { t: 'string' }, { r: 3 }, { t: 'array', i: { r: 3 } }];
  const root: StoredDef = { p: { spec: 0 } };

  test('a field whose definition keeps its kind of value (even under another name, or growing a property) is regular', () => {
    const s = store(names, fields, {
      1: { defs: { Root: root, Spec: { p: { labels: 1 } } }, kinds: ['Root'] },
      2: { defs: { Root: root, Spec: { p: { labels: 1, name: 3 } } }, kinds: ['Root'] },
    });
    assert.equal(computeRegularKind(s, 'v1', 'Root'), true);
  });

  test('a map at one minor that has fields at another is not', () => {
    const s = store(names, fields, {
      1: { defs: { Root: root, Spec: { p: { labels: 1 } } }, kinds: ['Root'] },
      2: { defs: { Root: root, Spec: { p: { labels: 2 } }, Labels: { p: { name: 3 } } }, kinds: ['Root'] },
    });
    assert.equal(computeRegularKind(s, 'v1', 'Root'), false);
  });

  test('a definition with fields at one minor and none at another is not, however deep, and a cycle ends the walk', () => {
    const s = store(names, fields, {
      1: { defs: { Root: root, Spec: { p: { child: 4 } }, Node: { p: { children: 5, name: 3 } } }, kinds: ['Root'] },
      2: { defs: { Root: root, Spec: { p: { child: 4 } }, Node: { p: { children: 5 } } }, kinds: ['Root'] },
    });
    assert.equal(computeRegularKind(s, 'v1', 'Root'), true);
    const t = store(names, fields, {
      1: { defs: { Root: root, Spec: { p: { child: 4 } }, Node: { p: { children: 5, name: 3 } } }, kinds: ['Root'] },
      2: { defs: { Root: root, Spec: { p: { child: 4 } }, Node: { p: {} } }, kinds: ['Root'] },
    });
    assert.equal(computeRegularKind(t, 'v1', 'Root'), false);
  });

  test('a list at one minor and a single value at another is not', () => {
    const listOrOne: StoredNode[] = [...fields, { t: 'array', i: { t: 'string' } }];
    const s = store(names, listOrOne, {
      1: { defs: { Root: root, Spec: { p: { tags: 6 } } }, kinds: ['Root'] },
      2: { defs: { Root: root, Spec: { p: { tags: 3 } } }, kinds: ['Root'] },
    });
    assert.equal(computeRegularKind(s, 'v1', 'Root'), false);
  });

  test('without the build\'s list the verdict is worked out; with it, the list answers', () => {
    const s = store(names, fields, { 1: { defs: { Root: root, Spec: { p: { labels: 1 } } }, kinds: ['Root'] } });
    assert.equal(regularKind(s, 'v1', 'Root'), true);
    const listed = store(names, fields, { 1: { defs: { Root: root, Spec: { p: { labels: 1 } } }, kinds: ['Root'] } });
    writeFileSync(path.join(listed.dir, REGULAR_KINDS_FILE), '[]');
    assert.equal(regularKind(listed, 'v1', 'Root'), false);
  });

  test('the build\'s list for the shipped store says what working it out says, for every kind', () => {
    const s = defaultSchemaStore()!;
    const listed = new Set(JSON.parse(readFileSync(path.join(s.dir, REGULAR_KINDS_FILE), 'utf8')) as string[]);
    const kinds = storeKinds(s);
    assert.ok(kinds.length > 200);
    for (const { apiVersion, kind } of kinds) assert.equal(listed.has(kindKey(apiVersion, kind)), computeRegularKind(s, apiVersion, kind), kindKey(apiVersion, kind));
  });
});
