import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { findPair, getAt, scalarText } from '../model/nodes';
import type { YValue } from './style';
import type { FixBuilder, FixInput } from './types';

type Place = 'spec' | 'pod' | 'job' | 'securityContext';

/** The mapping a simple fix writes into: the resource's spec, its pod spec, its Job spec, or where the finding's security context is. */
function target(input: FixInput, place: Place): unknown {
  const { resource, pod, container } = input.scope;
  if (!resource) return undefined;
  if (place === 'spec') return getAt(resource.node, ['spec']);
  if (place === 'job') return getAt(resource.node, resource.kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec'] : ['spec']);
  if (place === 'pod') return pod?.spec;
  return container?.node ?? pod?.spec;
}

/** A fix that merges a fixed value into one of the places above. */
function set(place: Place, value: (input: FixInput) => { [key: string]: YValue } | undefined): FixBuilder {
  return (input) => {
    const v = value(input);
    return v && input.editor.merge(target(input, place), v);
  };
}

/** True when the finding sits on this key (the rule reports a problem other than a missing field there). */
function findingOn(input: FixInput, key: string): boolean {
  const holder = target(input, 'securityContext');
  const sc = getAt(holder, ['securityContext']);
  const pair = isMap(sc) ? findPair(sc, key) : undefined;
  const r = (pair?.value as Node | undefined)?.range;
  return !!r && r[0] <= input.scope.offset && input.scope.offset <= r[1];
}

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
