import { isMap, isSeq } from 'yaml';
import { get, getAt, scalarText } from '../model/nodes';
import type { ContainerView, PodSpecView } from '../rules/podSpec';
import type { YValue } from './style';

const TMP = /^\/tmp\/?$/;

/**
 * The volume to mount at /tmp: an emptyDir that another container of the pod already mounts there
 * (`exists`), else a new one named `tmp`, or `tmp-2`, `tmp-3`… whichever the pod does not use yet.
 */
export function tmpVolumeFor(pod: PodSpecView): { name: string; exists: boolean } {
  const volumes = getAt(pod.spec, ['volumes']);
  const list = isSeq(volumes) ? volumes.items : [];
  const emptyDirs = new Set(list.filter((v) => get(v, 'emptyDir') !== undefined).map((v) => scalarText(get(v, 'name'))));
  for (const c of pod.containers) {
    const mounts = get(c.node, 'volumeMounts');
    const shared = isSeq(mounts) ? mounts.items.find((m) => TMP.test(scalarText(get(m, 'mountPath')) ?? '') && emptyDirs.has(scalarText(get(m, 'name')))) : undefined;
    const name = scalarText(get(shared, 'name'));
    if (name !== undefined) return { name, exists: true };
  }
  const taken = new Set(list.map((v) => scalarText(get(v, 'name'))));
  let name = 'tmp';
  for (let i = 2; taken.has(name); i++) name = `tmp-${i}`;
  return { name, exists: false };
}

/** True when the container mounts something at /tmp (or cannot be read to tell). */
export function mountsTmp(c: ContainerView): boolean {
  const mounts = get(c.node, 'volumeMounts');
  if (mounts === undefined || mounts === null) return false;
  if (!isSeq(mounts)) return true;
  return mounts.items.some((m) => !isMap(m) || TMP.test(scalarText(get(m, 'mountPath')) ?? ''));
}

/** The volumeMount of the /tmp emptyDir. */
export function tmpMount(name: string): { [key: string]: YValue } {
  return { name, mountPath: '/tmp' };
}

/** The /tmp emptyDir volume. */
export function tmpVolume(name: string): { [key: string]: YValue } {
  return { name, emptyDir: {} };
}
