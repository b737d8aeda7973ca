import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { fixAll } from '../../server/src/fixes/engine';
import { scopeKey, scopeOf } from '../../server/src/fixes/scope';
import { extractResources } from '../../server/src/index/extract';
import { listYamlFiles } from '../../server/src/index/scan';
import { WorkspaceIndex } from '../../server/src/index/workspaceIndex';
import { parseYamlFile } from '../../server/src/model/yamlFile';
import { WorkspaceCrdCatalog } from '../../server/src/schema/crdCatalog';
import type { Finding } from '../../server/src/service/finding';
import { CLI_JS, CORPUS, needsCorpus } from '../helpers/paths';
import { analyzeText, FIX_SETTINGS, RESTRICTED } from '../unit/fixesHelpers';
import { dataLoss } from './fixChecks';

const count = (keys: string[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());

function scopes(file: ReturnType<typeof analyzeText>['file'], findings: readonly Finding[]): Map<string, number> {
  return count(findings.map((f) => scopeKey(f.ruleId, scopeOf(file, f))));
}

test('fix-all on every corpus file keeps every comment and key, parses, and the fixed findings are gone', needsCorpus(), async (t) => {
  const started = Date.now();
  const files = (await listYamlFiles(CORPUS, [])).sort();
  const broken: string[] = [];
  let applied = 0;
  let changed = 0;
  for (const settings of [FIX_SETTINGS, RESTRICTED]) {
    for (const name of files) {
      const text = readFileSync(name, 'utf8');
      const uri = 'file:///work/test.yaml';
      const result = fixAll(text, {
        settings,
        envFor: (model) => {
          const index = new WorkspaceIndex(settings.defaultNamespace);
          const crds = new WorkspaceCrdCatalog();
          index.setFile(uri, extractResources(uri, model));
          crds.setFile(uri, model);
          return { index, crds, uri };
        },
      });
      if (!result.applied.length) continue;
      applied += result.applied.length;
      changed++;
      const rel = `${settings.profile} ${path.relative(CORPUS, name)}`;
      const before = analyzeText(text, settings);
      const after = analyzeText(result.text, settings);
      for (const p of dataLoss(before.file, after.file, new Set(result.applied.map((a) => a.fixId)))) broken.push(`${rel}: ${p}`);
      const was = scopes(before.file, before.findings);
      const now = scopes(after.file, after.findings);
      for (const a of result.applied) {
        if ((now.get(a.scope) ?? 0) >= Math.max(1, was.get(a.scope) ?? 0)) broken.push(`${rel}: ${a.fixId} left ${a.scope} reported`);
      }
    }
  }
  t.diagnostic(`fix-all: ${applied} fixes in ${changed} (file, profile) pairs over ${files.length} corpus files in ${Date.now() - started} ms`);
  assert.ok(applied > 0);
  assert.deepEqual(broken.slice(0, 30), []);
});

test('kws fix on a copy of the whole corpus keeps every comment and key of each changed file, which still parses', needsCorpus(), (t) => {
  const started = Date.now();
  const dir = mkdtempSync(path.join(tmpdir(), 'kws-fix-corpus-'));
  try {
    cpSync(CORPUS, dir, { recursive: true });
    for (const f of [dir, ...readdirSync(dir, { recursive: true }).map((f) => path.join(dir, String(f)))]) chmodSync(f, statSync(f).isDirectory() ? 0o755 : 0o644);
    const run = spawnSync(process.execPath, [CLI_JS, 'fix', '.'], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    assert.ok(run.status === 0 || run.status === 1, `kws fix exits 0 or 1, got ${run.status}: ${run.stderr.slice(0, 500)}`);
    const summary = /Fixed (\d+) problem\(s\) in (\d+) file\(s\)/.exec(run.stdout);
    assert.ok(summary, `a summary line: ${run.stdout.slice(0, 300)}`);
    const broken: string[] = [];
    let changed = 0;
    for (const copy of listYamlFilesSync(dir)) {
      const rel = path.relative(dir, copy);
      const original = readFileSync(path.join(CORPUS, rel), 'utf8');
      const fixed = readFileSync(copy, 'utf8');
      if (fixed === original) continue;
      changed++;
      const before = parseYamlFile(original, { templates: FIX_SETTINGS.templates });
      const after = parseYamlFile(fixed.replace(/^\ufeff/, ''), { templates: FIX_SETTINGS.templates });
      for (const p of dataLoss(before, after, undefined)) broken.push(`${rel}: ${p}`);
    }
    t.diagnostic(`kws fix: ${summary[1]} fixes in ${summary[2]} files (${changed} differ) in ${Date.now() - started} ms`);
    assert.equal(changed, Number(summary[2]), 'the files that differ are the files kws fix reports');
    assert.ok(changed > 0);
    assert.deepEqual(broken.slice(0, 30), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

function listYamlFilesSync(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(dir, f));
}
