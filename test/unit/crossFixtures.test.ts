import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { extractResources } from '../../server/src/index/extract';
import { WorkspaceIndex } from '../../server/src/index/workspaceIndex';
import { parseYamlFile, type YamlFile } from '../../server/src/model/yamlFile';
import { engineOptions } from '../../server/src/rules/engine';
import { allRules } from '../../server/src/rules/registry';
import { analyzeFile } from '../../server/src/service/analyze';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import { REPO_ROOT } from '../helpers/paths';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'workspaces');
engineOptions.rethrow = true;

const dirs = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((d) => statSync(path.join(dir, d)).isDirectory()).sort() : []);
const yamlFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true }).map(String).filter((f) => /\.ya?ml$/.test(f)).sort();

/** Loads a fixture workspace: every YAML file parsed and indexed under a `file://` URI. */
function workspace(dir: string): { index: WorkspaceIndex; files: Map<string, { text: string; model: YamlFile }> } {
  const index = new WorkspaceIndex();
  const files = new Map<string, { text: string; model: YamlFile }>();
  for (const rel of yamlFiles(dir)) {
    const text = readFileSync(path.join(dir, rel), 'utf8');
    const uri = `file:///ws/${rel}`;
    const model = parseYamlFile(text, { templates: 'ignore' });
    files.set(uri, { text, model });
    index.setFile(uri, extractResources(uri, model));
  }
  return { index, files };
}

describe('cross-document rule fixtures', () => {
  for (const rule of allRules().filter((r) => r.category === 'cross')) {
    const root = path.join(FIXTURES, rule.id);
    test(`${rule.id} has fixture workspaces that fire and that do not`, () => {
      assert.ok(dirs(path.join(root, 'fires')).length > 0, `${root}/fires/<workspace>/`);
      assert.ok(dirs(path.join(root, 'clean')).length > 0, `${root}/clean/<workspace>/`);
    });
    for (const kind of ['fires', 'clean'] as const) {
      for (const name of dirs(path.join(root, kind))) {
        test(`${rule.id}: ${kind}/${name}`, () => {
          const { index, files } = workspace(path.join(root, kind, name));
          let marked = 0;
          for (const [uri, { text, model }] of files) {
            const found = analyzeFile(model, DEFAULT_SETTINGS, undefined, undefined, { index, uri }).filter((f) => f.ruleId === rule.id);
            const expected = kind === 'fires' ? text.split('\n').flatMap((l, i) => (/#\s*fires\b/.test(l) ? [i] : [])) : [];
            marked += expected.length;
            assert.deepEqual([...new Set(found.map((f) => f.range.start.line))].sort((a, b) => a - b), expected, `${uri}: lines with ${rule.id}`);
            for (const f of found) for (const r of f.related ?? []) assert.ok(files.has(r.uri), `related ${r.uri} is in the workspace`);
          }
          if (kind === 'fires') assert.ok(marked > 0, 'a fires workspace marks at least one line with `# fires`');
        });
      }
    }
  }
});
