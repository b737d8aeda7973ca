import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { parseYamlFile } from '../../server/src/model/yamlFile';
import { engineOptions } from '../../server/src/rules/engine';
import { runCheck } from '../../server/src/cli/check';
import { WorkspaceCrdCatalog } from '../../server/src/schema/crdCatalog';
import { crdToAjvSchema } from '../../server/src/schema/crdSchema';
import { analyzeFile } from '../../server/src/service/analyze';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import { marked, yaml } from '../helpers/cursor';
import { CLI_JS } from '../helpers/paths';
import { BACKUP_CRD as CRD } from '../helpers/crd';

engineOptions.rethrow = true;


function findingsWith(catalog: WorkspaceCrdCatalog, source: string) {
  const { text, cursors } = marked(source);
  const found = analyzeFile(parseYamlFile(text, { templates: 'ignore' }), DEFAULT_SETTINGS, undefined, undefined, { crds: catalog }).filter((f) => f.ruleId.startsWith('schema/'));
  return { found, at: found.map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.character}`), expect: (ids: string[]) => ids.map((id, i) => `${id}@${cursors[i].line}:${cursors[i].character}`) };
}

describe('CRD catalog', () => {
  const catalog = new WorkspaceCrdCatalog();
  catalog.setFile('file:///crd.yaml', parseYamlFile(CRD, { templates: 'ignore' }));

  test('serves the schemas of served versions and bumps its generation only on change', () => {
    assert.ok(catalog.hasKind('example.com', 'Backup'));
    assert.ok(catalog.schemaFor('example.com/v1', 'Backup'));
    assert.equal(catalog.schemaFor('example.com/v1beta1', 'Backup'), undefined);
    const gen = catalog.generation;
    assert.equal(catalog.setFile('file:///crd.yaml', parseYamlFile(CRD, { templates: 'ignore' })), false);
    assert.equal(catalog.setFile('file:///other.yaml', parseYamlFile('apiVersion: v1\nkind: ConfigMap\n', { templates: 'ignore' })), false);
    assert.equal(catalog.generation, gen);
    const other = new WorkspaceCrdCatalog();
    other.setFile('a', parseYamlFile(CRD, { templates: 'ignore' }));
    assert.ok(other.removeFile('a'));
    assert.equal(other.hasKind('example.com', 'Backup'), false);
    assert.equal(other.generation, 2);
  });

  test('a schema change re-analyses only the documents whose kinds it defines', () => {
    const local = new WorkspaceCrdCatalog();
    const workload = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\napiVersion: example.com/v1\nkind: Backup\nmetadata: {name: b}\nspec: {schedule: 3}\n---\n';
    const analyse = (crd: string) => {
      const file = parseYamlFile(workload + crd, { templates: 'ignore' }, previous);
      local.setFile('file:///one.yaml', file);
      const found = analyzeFile(file, DEFAULT_SETTINGS, undefined, undefined, { crds: local });
      previous = file;
      const memos = file.documents.map((d) => d.doc.memo.get('findings'));
      return { file, memos, backup: found.filter((f) => f.document === 1 && f.ruleId === 'schema/type').length };
    };
    let previous: ReturnType<typeof parseYamlFile> | undefined;
    const before = analyse(CRD);
    const keyBefore = local.keyFor('example.com', 'Backup');
    const after = analyse(CRD.replace('schedule: {type: string, description: cron}', 'schedule: {type: integer, description: cron}'));
    assert.equal(before.backup, 1);
    assert.equal(after.backup, 0);
    assert.notEqual(local.keyFor('example.com', 'Backup'), keyBefore);
    assert.equal(local.keyFor('example.com', 'Nothing'), '');
    assert.equal(after.file.documents[0].doc, before.file.documents[0].doc);
    assert.equal(after.file.documents[1].doc, before.file.documents[1].doc);
    assert.equal(after.memos[0], before.memos[0], 'the ConfigMap keeps its findings');
    assert.notEqual(after.memos[1], before.memos[1], 'the Backup is analysed again');
    const described = analyse(CRD.replace('description: cron', 'description: when'));
    assert.equal(described.backup, 1);
    assert.equal(local.keyFor('example.com', 'Backup'), keyBefore, 'descriptions are not part of the key');
  });

  test('deferred schemas answer as eager ones; a re-parsed CRD counts as changed', () => {
    const eager = new WorkspaceCrdCatalog();
    const deferred = new WorkspaceCrdCatalog();
    const file = parseYamlFile(CRD, { templates: 'ignore' });
    eager.setFile('u', file);
    assert.equal(deferred.setFile('u', file, { deferSchemas: true }), true);
    assert.equal(deferred.setFile('u', file, { deferSchemas: true }), false, 'the same parsed documents');
    assert.ok(deferred.hasKind('example.com', 'Backup'));
    assert.deepEqual(deferred.servedVersions('example.com', 'Backup'), eager.servedVersions('example.com', 'Backup'));
    assert.equal(deferred.keyFor('example.com', 'Backup'), eager.keyFor('example.com', 'Backup'));
    assert.deepEqual(deferred.schemaFor('example.com/v1', 'Backup'), eager.schemaFor('example.com/v1', 'Backup'));
    const reparsed = parseYamlFile(CRD, { templates: 'ignore' });
    assert.equal(deferred.setFile('u', reparsed, { deferSchemas: true }), true, 'new documents, not compared');
    deferred.settle('u');
    assert.equal(deferred.keyFor('example.com', 'Backup'), eager.keyFor('example.com', 'Backup'));
    assert.equal(deferred.setFile('u', parseYamlFile(CRD, { templates: 'ignore' })), false, 'an eager set compares the schemas');
  });

  test('validates custom resources: unknown fields with suggestions, enums, int-or-string, ranges, required', () => {
    const r = findingsWith(catalog, yaml`
      apiVersion: example.com/v1
      kind: Backup
      metadata: {name: nightly}
      spec:
        schedule: "0 3 * * *"
        retention: 7d
        mode: |Full
        keep: |0
        onError: WARN
        weird: anything
        description: kept as a field name
        options: {anything: [1, 2]}
        template: {apiVersion: v1, kind: Pod, metadata: {name: x}, spec: {}}
        target: {name: db}
        |shedule: "0 4 * * *"
    `);
    assert.deepEqual(r.at, r.expect(['schema/enum', 'schema/format', 'schema/unknown-field']));
    assert.match(r.found[2].message, /did you mean `schedule`\?/);
    const missing = findingsWith(catalog, 'apiVersion: example.com/v1\nkind: Backup\nmetadata: {name: b}\n|spec:\n  retention: 3\n');
    assert.deepEqual(missing.at, missing.expect(['schema/required']));
  });

  test('an unserved version, and a kind no CRD defines, are schema/unknown-kind', () => {
    const r = findingsWith(catalog, 'apiVersion: example.com/v1beta1\nkind: |Backup\n---\napiVersion: example.com/v1\nkind: |Restore\nspec: {x: 1}\n');
    assert.deepEqual(r.at, r.expect(['schema/unknown-kind', 'schema/unknown-kind']));
    assert.match(r.found[0].message, /does not serve `example\.com\/v1beta1` \(it serves v1\)/);
  });

  test('structural extensions become plain JSON Schema', () => {
    const schema = crdToAjvSchema({
      type: 'object',
      properties: {
        a: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
        b: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { c: { type: 'string' } } },
        d: { type: 'string', nullable: true, format: 'hostname', 'x-kubernetes-unknown-thing': 1 },
      },
    }) as { properties: Record<string, Record<string, unknown>>; additionalProperties: unknown };
    assert.deepEqual(schema.properties.a, { type: ['integer', 'string'] });
    assert.equal(schema.properties.b.additionalProperties, undefined);
    assert.deepEqual(schema.properties.d, { type: ['string', 'null'] });
    assert.equal(schema.additionalProperties, false);
    assert.deepEqual(Object.keys(schema.properties).sort(), ['a', 'apiVersion', 'b', 'd', 'kind', 'metadata', 'status']);
  });
});

describe('CRDs in one CLI run', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kws-crd-'));
  writeFileSync(path.join(dir, 'a-cr.yaml'), 'apiVersion: example.com/v1\nkind: Backup\nmetadata: {name: b}\nspec:\n  schedule: "0 3 * * *"\n  shedule: x\n---\napiVersion: example.com/v1\nkind: Snapshot\nmetadata: {name: s}\n');
  writeFileSync(path.join(dir, 'z-crd.yaml'), CRD);

  test('a CRD defined in a later file validates the custom resources of an earlier one', async () => {
    const run = await runCheck({ paths: [dir], settings: DEFAULT_SETTINGS, readStdin: async () => new Uint8Array() });
    const cr = run.report.files.find((f) => f.path.endsWith('a-cr.yaml'));
    assert.deepEqual(cr?.findings.filter((f) => f.ruleId.startsWith('schema/')).map((f) => `${f.ruleId}@${f.range.start.line}`), ['schema/unknown-field@5', 'schema/unknown-kind@8']);
  });

  test('the bundled CLI does the same', () => {
    const out = spawnSync(process.execPath, [CLI_JS, 'check', '--format', 'json', path.join(dir, 'a-cr.yaml'), path.join(dir, 'z-crd.yaml')], { encoding: 'utf8' });
    const report = JSON.parse(out.stdout) as { files: { findings: { ruleId: string }[] }[] };
    assert.deepEqual(report.files[0].findings.map((f) => f.ruleId).filter((id) => id.startsWith('schema/')), ['schema/unknown-field', 'schema/unknown-kind']);
  });
});
