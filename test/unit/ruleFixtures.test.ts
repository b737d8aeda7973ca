import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { parseYamlFile } from '../../server/src/model/yamlFile';
import { engineOptions } from '../../server/src/rules/engine';
import { allRules } from '../../server/src/rules/registry';
import { analyzeFile } from '../../server/src/service/analyze';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '../../server/src/service/settings';
import { REPO_ROOT } from '../helpers/paths';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'rules');
engineOptions.rethrow = true;

/** Settings from a fixture's first-line directive: `# kws-test: profile=restricted k8s=1.28-1.32 lang=zh-CN`. */
function settingsFor(text: string): Settings {
  const m = /^# kws-test:(.*)$/m.exec(text.split('\n')[0] ?? '');
  if (!m) return DEFAULT_SETTINGS;
  const opts = Object.fromEntries(m[1].trim().split(/\s+/).map((kv) => kv.split('=')));
  const [min, max] = (opts.k8s ?? '').split('-');
  return normalizeSettings(
    { profile: opts.profile, kubernetes: opts.k8s ? { minVersion: min, maxVersion: max ?? min } : undefined },
    opts.lang === 'zh-CN' ? 'zh-CN' : 'en',
  );
}

/** Lines (0-based) marked `# fires` in a fixture. */
function expectedLines(text: string): number[] {
  return text.split('\n').flatMap((line, i) => (/#\s*fires\b/.test(line) ? [i] : []));
}

const yamlFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort() : []);

const checked = allRules().filter((r) => r.check && r.category !== 'cross');

describe('rule fixtures', () => {
  for (const rule of checked) {
    const dir = path.join(FIXTURES, rule.id);
    test(`${rule.id} has fixtures that fire and that do not`, () => {
      assert.ok(yamlFiles(path.join(dir, 'fires')).length > 0, `${dir}/fires/*.yaml`);
      assert.ok(yamlFiles(path.join(dir, 'clean')).length > 0, `${dir}/clean/*.yaml`);
    });
    for (const kind of ['fires', 'clean'] as const) {
      for (const name of yamlFiles(path.join(dir, kind))) {
        test(`${rule.id}: ${kind}/${name}`, () => {
          const text = readFileSync(path.join(dir, kind, name), 'utf8');
          const findings = analyzeFile(parseYamlFile(text, { templates: 'ignore' }), settingsFor(text));
          const lines = findings.filter((f) => f.ruleId === rule.id).map((f) => f.range.start.line);
          const expected = kind === 'fires' ? expectedLines(text) : [];
          if (kind === 'fires') assert.ok(expected.length > 0, 'a fires fixture marks at least one line with `# fires`');
          assert.deepEqual([...new Set(lines)].sort((a, b) => a - b), expected, `lines with ${rule.id}`);
          assert.deepEqual(findings.filter((f) => f.ruleId === 'syntax'), [], 'fixtures are valid YAML');
        });
      }
    }
  }
});
