import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseKwsConfig, settingsWithConfig } from '../../server/src/config/kwsConfig';
import { profileLevel } from '../../server/src/rules/levels';
import { getRule } from '../../server/src/rules/registry';
import { yaml } from '../helpers/cursor';

test('a valid .kws.yaml configures profile, versions and rules', () => {
  const { value, findings } = parseKwsConfig(
    yaml`
      profile: restricted
      kubernetes: {minVersion: "1.28", maxVersion: "1.32"}
      rules:
        job-restart-policy: warning
        privileged: {severity: off}
    `,
    'en',
  );
  assert.deepEqual(findings, []);
  const s = settingsWithConfig(value, 'en');
  assert.equal(s.profile, 'restricted');
  assert.deepEqual(s.kubernetes, { min: 28, max: 32 });
  assert.deepEqual(s.rules['job-restart-policy'], { level: 'warning', options: undefined });
  assert.equal(s.rules.privileged.level, 'off');
});

test('invalid entries are reported on the offending key or value', () => {
  const { findings } = parseKwsConfig('profile: strict\nrulez: {}\nrules:\n  no-such-rule: off\n  privileged: loud\n', 'en');
  const at = findings.map((f) => [f.ruleId, f.range.start.line, f.range.start.character]);
  assert.deepEqual(at, [
    ['config-invalid', 0, 9],
    ['config-invalid', 1, 0],
    ['config-invalid', 3, 2],
    ['config-invalid', 4, 14],
  ]);
  assert.match(findings[1].message, /unknown key `rulez`/);
});

test('editor settings override .kws.yaml, rule by rule', () => {
  const s = settingsWithConfig({ profile: 'minimal', rules: { a: 'off', b: 'error' } }, 'zh-CN', { profile: 'baseline', rules: { a: { level: 'info' } } });
  assert.equal(s.profile, 'baseline');
  assert.equal(s.locale, 'zh-CN');
  assert.equal(s.rules.a.level, 'info');
  assert.equal(s.rules.b.level, 'error');
});

test('profiles: api rules everywhere, PSS rules in their levels, the rest in production', () => {
  const api = getRule('job-restart-policy')!;
  const pss = getRule('privileged')!;
  const prod = getRule('readiness-probe-missing')!;
  assert.deepEqual(['production', 'baseline', 'restricted', 'minimal'].map((p) => profileLevel(api, p as never)), ['error', 'error', 'error', 'error']);
  assert.deepEqual(['production', 'baseline', 'restricted', 'minimal'].map((p) => profileLevel(pss, p as never)), ['error', 'error', 'error', 'off']);
  assert.deepEqual(['production', 'baseline', 'restricted', 'minimal'].map((p) => profileLevel(prod, p as never)), ['warning', 'off', 'off', 'off']);
});
