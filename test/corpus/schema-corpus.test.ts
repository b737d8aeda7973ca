import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { runCheck } from '../../server/src/cli/check';
import { engineOptions } from '../../server/src/rules/engine';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/service/settings';
import { CORPUS, needsCorpus } from '../helpers/paths';

engineOptions.rethrow = true;

/**
 * Real installs, each checked as one CLI run (so its own CRDs validate its custom resources) for the
 * window it targets. None of these projects requires a Kubernetes newer than 1.26 or older than 1.32
 * for the files here, so all use the default window 1.26–1.32.
 */
const PROJECTS: { dir: string; window: Settings['kubernetes'] }[] = [
  { dir: 'argo-cd', window: { min: 26, max: 32 } },
  { dir: 'kube-prometheus', window: { min: 26, max: 32 } },
  { dir: 'istio', window: { min: 26, max: 32 } },
  { dir: 'keda', window: { min: 26, max: 32 } },
  { dir: 'cert-manager', window: { min: 26, max: 32 } },
  { dir: 'metrics-server', window: { min: 26, max: 32 } },
  { dir: 'kubernetes-examples', window: { min: 26, max: 32 } },
];

/** Schema errors checked by hand and confirmed as true errors in the files: `path:line ruleId` (1-based line) and why. */
const TRUE_ERRORS: Record<string, string> = {
  'keda/config/samples/keda_v1alpha1_scaledjob.yaml:6 schema/required':
    'the sample leaves `jobTargetRef.template:` empty (a placeholder comment); null is unset, and the ScaledJob CRD requires a template',
};

test('real installs have no schema errors for the window they target, except the listed true errors', needsCorpus(), async () => {
  const errors: string[] = [];
  for (const project of PROJECTS) {
    const settings: Settings = { ...DEFAULT_SETTINGS, kubernetes: project.window };
    const run = await runCheck({ paths: [path.join(CORPUS, project.dir)], settings, readStdin: async () => new Uint8Array() });
    for (const file of run.report.files) {
      const rel = path.relative(CORPUS, path.resolve(file.path)).split(path.sep).join('/');
      if (rel.includes('/_archived/')) continue;
      for (const f of file.findings) {
        if (f.ruleId.startsWith('schema/') && f.severity === 'error') errors.push(`${rel}:${f.range.start.line + 1} ${f.ruleId}`);
      }
    }
  }
  assert.deepEqual(errors.filter((e) => !(e in TRUE_ERRORS)), [], 'schema errors in real installs');
  assert.deepEqual(Object.keys(TRUE_ERRORS).filter((e) => !errors.includes(e)), [], 'allow-listed errors that no longer occur');
});
