import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { rulesIndexMarkdown, rulesSettingSchema } from '../../server/src/rules/catalog';
import * as path from 'node:path';
import { test } from 'node:test';
import { getFix } from '../../server/src/rules/fixes';
import { allRules } from '../../server/src/rules/registry';
import { REPO_ROOT } from '../helpers/paths';

test('rule ids are unique and kebab-case, with an optional `schema/` or `version/` prefix', () => {
  const ids = allRules().map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^([a-z]+\/)?[a-z0-9]+(-[a-z0-9]+)*$/);
});

test('every rule has titles and messages in English and Chinese', () => {
  for (const r of allRules()) {
    for (const text of [r.title, ...Object.values(r.messages)]) {
      assert.ok(text.en.trim(), `${r.id} en`);
      assert.match(text['zh-CN'], /[\u4e00-\u9fff]/, `${r.id} zh-CN`);
    }
  }
});

test('every rule has a docs page in both languages', () => {
  for (const r of allRules()) {
    assert.ok(existsSync(path.join(REPO_ROOT, 'docs', 'rules', `${r.id}.md`)), `docs/rules/${r.id}.md`);
    assert.ok(existsSync(path.join(REPO_ROOT, 'docs', 'rules', 'zh-CN', `${r.id}.md`)), `docs/rules/zh-CN/${r.id}.md`);
  }
});

test('every fix id a rule names is declared, with titles in both languages', () => {
  for (const r of allRules()) {
    for (const id of r.fixes ?? []) {
      const fix = getFix(id);
      assert.ok(fix, `${r.id} names undeclared fix ${id}`);
      assert.match(fix.title['zh-CN'], /[\u4e00-\u9fff]/);
    }
  }
});

test('rules name guide sections, kinds that exist and variants with both languages', () => {
  for (const r of allRules().filter((x) => x.check)) {
    assert.ok(r.guide?.length, `${r.id} cites the guide`);
    for (const g of r.guide ?? []) assert.match(g, /^\d+(\.\d+)*$/, `${r.id} guide ${g}`);
    for (const [variant, text] of Object.entries(r.messages)) {
      const en = [...text.en.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const zh = [...text['zh-CN'].matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      assert.deepEqual(zh, en, `${r.id}.${variant}: same placeholders in both languages`);
    }
  }
});

test('the issue-4 contract: all 63 single-resource rule ids are registered', () => {
  const ids = new Set(allRules().filter((r) => r.check).map((r) => r.id));
  const contract = `selector-mismatch rolling-update-no-progress progress-deadline-not-above-min-ready job-restart-policy pod-failure-policy-restart-policy
    backoff-limit-per-index-needs-indexed hpa-min-above-max limits-below-requests duplicate-container-name duplicate-container-port volume-mount-undefined
    duplicate-mount-path port-name-invalid name-invalid label-invalid cronjob-schedule-invalid cronjob-timezone-invalid readiness-probe-missing
    liveness-probe-missing startup-probe-missing probes-identical probe-port-unknown liveness-probe-aggressive cpu-request-missing memory-request-missing
    memory-limit-missing cpu-limit-missing limit-request-ratio max-unavailable-not-zero min-ready-seconds-missing revision-history-zero single-replica
    topology-spread-missing topology-spread-selector-mismatch anti-affinity-selector-mismatch prestop-missing termination-grace-too-short change-cause-missing
    run-as-non-root privilege-escalation capabilities-drop-all capabilities-added privileged read-only-root-fs seccomp-profile host-namespaces host-path
    host-port proc-mount selinux-options apparmor-profile unsafe-sysctls automount-token namespace-pss-missing image-tag-latest image-pull-policy
    secret-in-env-value job-ttl-missing job-active-deadline-missing cronjob-concurrency-allow cronjob-starting-deadline-missing env-var-reference-syntax
    duplicate-env-var`.split(/\s+/).filter(Boolean);
  assert.equal(contract.length, 63);
  assert.deepEqual(contract.filter((id) => !ids.has(id)), []);
});

test('package.json and the rule index mirror the registry (node scripts/sync-rules.mjs)', () => {
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  assert.deepEqual(pkg.contributes.configuration.properties['workloadStudio.rules'], rulesSettingSchema());
  assert.equal(readFileSync(path.join(REPO_ROOT, 'docs', 'rules', 'README.md'), 'utf8'), rulesIndexMarkdown('en'));
  assert.equal(readFileSync(path.join(REPO_ROOT, 'docs', 'rules', 'zh-CN', 'README.md'), 'utf8'), rulesIndexMarkdown('zh-CN'));
});

test('the issue-5 contract: every cross-document rule id is registered as a cross rule', () => {
  const cross = new Set(allRules().filter((r) => r.category === 'cross').map((r) => r.id));
  const contract = `pdb-missing pdb-selector-matches-nothing pdb-blocks-eviction pdb-over-hpa-min pdb-overlapping hpa-target-missing
    hpa-replicas-conflict hpa-min-replicas-low hpa-requests-missing hpa-vpa-conflict keda-hpa-conflict scale-target-kind
    service-selector-matches-nothing service-target-port-unknown statefulset-service-missing networkpolicy-selector-matches-nothing
    networkpolicy-missing prometheus-port-unknown configmap-missing secret-missing service-account-missing priority-class-missing
    quota-exceeded limitrange-violation`.split(/\s+/).filter(Boolean);
  assert.equal(contract.length, 24);
  assert.deepEqual(contract.filter((id) => !cross.has(id)), []);
});
