import { isMap, isScalar, isSeq } from 'yaml';
import { findPair, get, getAt, scalarText } from '../model/nodes';
import type { ContainerView, PodSpecView } from '../rules/podSpec';
import type { DocumentEditor, Edit } from './edits';
import { holdsFinding, mergeUnder } from './places';
import type { YValue } from './style';
import { mountsTmp, tmpMount, tmpVolume, tmpVolumeFor } from './tmpVolume';
import type { FixBuilder } from './types';

const SECCOMP_ALLOWED = new Set(['RuntimeDefault', 'Localhost']);

type Value = { [key: string]: YValue };

/** Whether a mapping holds a key at all (its value may be anything). */
function has(map: unknown, key: string): boolean {
  return !!findPair(map, key);
}

/** True when a seccompProfile mapping is missing or names an allowed type. */
function seccompOk(sc: unknown): boolean {
  const profile = get(sc, 'seccompProfile');
  return profile === undefined || SECCOMP_ALLOWED.has(scalarText(get(profile, 'type')) ?? '');
}

/** The capabilities part: drop ALL, and every added capability other than NET_BIND_SERVICE removed. */
function capabilityEdits(editor: DocumentEditor, sc: unknown, want: Value): Edit[] | undefined {
  const caps = get(sc, 'capabilities');
  const add = get(caps, 'add');
  const extra = isSeq(add) ? add.items.filter((i) => scalarText(i) !== 'NET_BIND_SERVICE') : [];
  if (!isMap(caps) || !isSeq(add) || !extra.length) {
    want.capabilities = { drop: ['ALL'] };
    return [];
  }
  if (extra.some((i) => !isScalar(i))) return undefined;
  const addPair = findPair(caps, 'add')!;
  if (extra.length < add.items.length) {
    want.capabilities = { drop: ['ALL'] };
    const removed = extra.map((i) => editor.removeItem(add, i));
    return removed.every((e) => e) ? removed.flat() as Edit[] : undefined;
  }
  if (caps.items.length > 1) {
    want.capabilities = { drop: ['ALL'] };
    return editor.removePair(caps, addPair);
  }
  return editor.replacePair(caps, addPair, { drop: ['ALL'] });
}

/** A container's restricted settings, and its /tmp mount when its root filesystem becomes read-only. */
function containerEdits(editor: DocumentEditor, c: ContainerView, tmp: string | undefined): Edit[] | undefined {
  const sc = get(c.node, 'securityContext');
  const want: Value = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true };
  if (has(sc, 'privileged')) want.privileged = false;
  if (has(sc, 'runAsNonRoot')) want.runAsNonRoot = true;
  if (!seccompOk(sc)) want.seccompProfile = { type: 'RuntimeDefault' };
  const caps = capabilityEdits(editor, sc, want);
  const more: Value = tmp ? { volumeMounts: [tmpMount(tmp)] } : {};
  const merged = mergeUnder(editor, c.node, 'securityContext', want, more);
  return caps && merged && [...caps, ...merged];
}

function onRunAsUser(pod: PodSpecView, holds: (node: unknown) => boolean): boolean {
  return [pod.spec, ...pod.containers.map((c) => c.node)].some((n) => holds(getAt(n, ['securityContext', 'runAsUser'])));
}

/**
 * `apply-restricted-security-context`: the restricted Pod Security Standard for the whole pod. Pod level:
 * runAsNonRoot true and a RuntimeDefault seccomp profile (kept when already RuntimeDefault or Localhost).
 * Every container: allowPrivilegeEscalation false, capabilities.drop [ALL] (added capabilities other than
 * NET_BIND_SERVICE removed), readOnlyRootFilesystem true, privileged and runAsNonRoot corrected where set,
 * and one emptyDir (reused when a container already mounts one there) at /tmp in each non-ephemeral container
 * that mounts nothing there.
 * Not offered for Windows pods, nor for a finding on runAsUser: 0 (the UID is the user's choice).
 */
export const applyRestrictedSecurityContext: FixBuilder = (input) => {
  const { scope, editor } = input;
  const pod = scope.pod;
  if (!pod || scalarText(getAt(pod.spec, ['os', 'name'])) === 'windows') return undefined;
  if (onRunAsUser(pod, (n) => holdsFinding(input, n))) return undefined;
  const tmp = tmpVolumeFor(pod);
  const edits: Edit[] = [];
  let mounted = false;
  for (const c of pod.containers) {
    const needsTmp = c.role !== 'ephemeral' && !mountsTmp(c);
    const e = containerEdits(editor, c, needsTmp ? tmp.name : undefined);
    if (!e) return undefined;
    mounted ||= needsTmp;
    edits.push(...e);
  }
  const podSc = get(pod.spec, 'securityContext');
  const want: Value = { runAsNonRoot: true };
  if (!SECCOMP_ALLOWED.has(scalarText(getAt(podSc, ['seccompProfile', 'type'])) ?? '')) want.seccompProfile = { type: 'RuntimeDefault' };
  const podEdits = mergeUnder(editor, pod.spec, 'securityContext', want, mounted && !tmp.exists ? { volumes: [tmpVolume(tmp.name)] } : {});
  return podEdits && [...edits, ...podEdits];
};
