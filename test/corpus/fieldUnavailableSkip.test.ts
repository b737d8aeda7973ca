import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { listYamlFiles } from '../../server/src/index/scan';
import { parseYamlFile } from '../../server/src/model/yamlFile';
import { analyzeFile } from '../../server/src/service/analyze';
import { allRules } from '../../server/src/rules/registry';
import { validatedKeysKnownAt } from '../../server/src/schema/validate';
import { normalizeSettings } from '../../server/src/service/settings';
import { CORPUS, needsCorpus } from '../helpers/paths';
import { Random } from '../helpers/randomEdits';

const RULE = 'version/field-unavailable';
const KEPT = new Set([RULE, 'schema/unknown-field']);
/** One-minor windows, where the walk may be left out, and one of several minors, where it never is. */
const WINDOWS: [number, number][] = [[26, 26], [30, 30], [34, 34], [26, 32]];

/** Field names that some minors of the store have and others lack, and one no minor has. */
const KEYS = ['backoffLimitPerIndex', 'podReplacementPolicy', 'managedBy', 'successPolicy', 'restartPolicy', 'resizePolicy', 'sleep', 'appArmorProfile', 'hostUsers', 'schedulingGates', 'resourceClaims', 'trafficDistribution', 'stopSignal', 'recursiveReadOnly', 'supplementalGroupsPolicy', 'claims', 'startOrdinal', 'matchLabelKeys', 'nodeTaintsPolicy', 'hostnameOverride', 'resources', 'colour'];
const VALUES = ['', '', ' ~', ' 1', ' {}', ' x'];

/** The text with a pair `key: value` added beside a random block-mapping key (a null value, when `value` is empty or `~`). */
function withPair(text: string, random: Random): string {
  const lines = text.split('\n');
  const keyLines = lines.flatMap((l, i) => (/^\s*(- )?[\w.-]+:( |$)/.test(l) ? [i] : []));
  if (!keyLines.length) return text;
  const at = random.pick(keyLines);
  const m = /^(\s*)(- )?/.exec(lines[at])!;
  const indent = ' '.repeat(m[1].length + (m[2] ? 2 : 0));
  lines.splice(at + 1, 0, `${indent}${random.pick(KEYS)}:${random.pick(VALUES)}`);
  return lines.join('\n');
}

function settings([min, max]: [number, number], schemaValidation: boolean) {
  const rules = Object.fromEntries(allRules().map((r) => [r.id, KEPT.has(r.id) ? r.severity : 'off']));
  return normalizeSettings({ kubernetes: { minVersion: `1.${min}`, maxVersion: `1.${max}` }, rules, schemaValidation: { enable: schemaValidation } }, 'en');
}

test('version/field-unavailable finds the same with its walk left out (one minor in the window, a fitting resource) as with it always run (corpus, and random keys added)', needsCorpus(), async () => {
  const random = new Random(20261126);
  const differ: string[] = [];
  let checked = 0;
  let skipped = 0;
  for (const file of (await listYamlFiles(CORPUS, [])).sort()) {
    const original = readFileSync(file, 'utf8');
    if (original.length > 400_000) continue;
    for (let round = 0; round < 4; round++) {
      const text = round === 0 ? original : withPair(original, random);
      for (const window of WINDOWS) {
        const walked = analyzeFile(parseYamlFile(text, { templates: 'ignore' }), settings(window, false)).filter((f) => f.ruleId === RULE);
        const model = parseYamlFile(text, { templates: 'ignore' });
        const validating = settings(window, true);
        const found = analyzeFile(model, validating).filter((f) => f.ruleId === RULE);
        if (window[0] === window[1]) skipped += model.documents.flatMap((d) => d.doc.resources).filter((r) => validatedKeysKnownAt(r, validating.kubernetes, {}) === window[0]).length;
        checked++;
        if (JSON.stringify(found) !== JSON.stringify(walked)) differ.push(`${path.relative(CORPUS, file)} round ${round} 1.${window.join('-1.')}`);
      }
    }
  }
  assert.deepEqual(differ, []);
  assert.ok(checked > 1_500 && skipped > 2_000, `${checked} texts checked, ${skipped} resources whose walk was left out`);
});
