import { isMap, isScalar, isSeq } from 'yaml';
import { findPair, getAt, scalarText } from '../model/nodes';
import { findingOn, set, target } from './places';
import type { YValue } from './style';
import type { FixBuilder } from './types';

/** Builders of the fixes that set one field, by fix id. */
export const SIMPLE_FIXES: Record<string, FixBuilder> = {
  'set-restart-policy-never': set('pod', () => ({ restartPolicy: 'Never' })),
  'set-completion-mode-indexed': set('job', (input): { [key: string]: YValue } => {
    const spec = target(input, 'job');
    const completions = getAt(spec, ['completions']);
    const parallelism = getAt(spec, ['parallelism']);
    const n = isScalar(parallelism) && typeof parallelism.value === 'number' && parallelism.value > 0 ? parallelism.value : 1;
    return completions ? { completionMode: 'Indexed' } : { completionMode: 'Indexed', completions: n };
  }),
  'set-job-ttl': set('job', () => ({ ttlSecondsAfterFinished: 86400 })),
  'set-cronjob-concurrency-forbid': set('spec', () => ({ concurrencyPolicy: 'Forbid' })),
  'set-starting-deadline': set('spec', () => ({ startingDeadlineSeconds: 300 })),
  'remove-replicas-under-hpa': (input) => {
    const spec = target(input, 'spec');
    const pair = isMap(spec) ? findPair(spec, 'replicas') : undefined;
    return isMap(spec) && pair ? input.editor.removePair(spec, pair) : undefined;
  },
  'fix-privileged': set('securityContext', () => ({ securityContext: { privileged: false } })),
  'fix-privilege-escalation': set('securityContext', () => ({ securityContext: { allowPrivilegeEscalation: false } })),
  'fix-run-as-non-root': set('securityContext', (input) => (findingOn(input, 'runAsUser') ? undefined : { securityContext: { runAsNonRoot: true } })),
  'fix-seccomp-profile': set('securityContext', () => ({ securityContext: { seccompProfile: { type: 'RuntimeDefault' } } })),
  'fix-proc-mount': set('securityContext', () => ({ securityContext: { procMount: 'Default' } })),
  'fix-capabilities-drop-all': (input) => {
    const holder = target(input, 'securityContext');
    const drop = getAt(holder, ['securityContext', 'capabilities', 'drop']);
    const lower = isSeq(drop) ? drop.items.find((i) => isScalar(i) && scalarText(i)?.toUpperCase() === 'ALL' && scalarText(i) !== 'ALL') : undefined;
    if (isScalar(lower)) return input.editor.setScalar(lower, 'ALL');
    return input.editor.merge(holder, { securityContext: { capabilities: { drop: ['ALL'] } } });
  },
};
