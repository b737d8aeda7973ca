import type { Locale } from '../model/types';
import { FEATURE_GATES, stageAt, type FeatureGate, type GateUse } from '../versions/gates';
import type { VersionWindow } from '../versions/window';

const TEMPLATE = ['spec', 'template', 'spec'];
const POD_PREFIX: Record<string, string[]> = {
  Pod: ['spec'],
  Deployment: TEMPLATE,
  StatefulSet: TEMPLATE,
  DaemonSet: TEMPLATE,
  ReplicaSet: TEMPLATE,
  ReplicationController: TEMPLATE,
  Job: TEMPLATE,
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};
const JOB_PREFIX: Record<string, string[]> = { Job: ['spec'], CronJob: ['spec', 'jobTemplate', 'spec'] };

function prefixes(kind: string, use: GateUse): string[][] {
  if (use.scope === 'resource') return !use.kinds || use.kinds.includes(kind) ? [[]] : [];
  if (use.scope === 'job') return JOB_PREFIX[kind] ? [JOB_PREFIX[kind]] : [];
  const pod = POD_PREFIX[kind];
  if (!pod) return [];
  if (use.scope === 'pod') return [pod];
  if (use.scope === 'init') return [[...pod, 'initContainers', '*']];
  return [[...pod, 'containers', '*'], [...pod, 'initContainers', '*']];
}

/** The feature gates behind the field at `path` of a kind (the field itself or one of its parents). */
export function gatesAt(kind: string, path: readonly (string | number)[]): { gate: FeatureGate; use: GateUse }[] {
  const steps = path.map((p) => (typeof p === 'number' ? '*' : p));
  const out: { gate: FeatureGate; use: GateUse }[] = [];
  for (const gate of FEATURE_GATES) {
    for (const use of gate.uses) {
      const hit = prefixes(kind, use).some((pre) => {
        const full = [...pre, ...use.path];
        return full.length <= steps.length && full.every((s, i) => s === steps[i]);
      });
      if (hit && !out.some((o) => o.gate === gate)) out.push({ gate, use });
    }
  }
  return out;
}

/** `1.26–1.27 beta (on) · 1.28–1.32 GA`: a gate's stage over the window, grouped. */
export function stagesOver(gate: FeatureGate, w: VersionWindow, locale: Locale): string {
  const label = (m: number) => {
    const s = stageAt(gate, m);
    if (!s) return locale === 'zh-CN' ? '不存在' : 'absent';
    if (s.stage === 'ga') return 'GA';
    const on = locale === 'zh-CN' ? (s.on ? '默认开启' : '默认关闭') : s.on ? 'on by default' : 'off by default';
    return `${s.stage} (${on})`;
  };
  const parts: string[] = [];
  let from = w.min;
  for (let m = w.min; m <= w.max; m++) {
    if (m === w.max || label(m + 1) !== label(m)) {
      parts.push(`${from === m ? `1.${m}` : `1.${from}–1.${m}`} ${label(m)}`);
      from = m + 1;
    }
  }
  return parts.join(' · ');
}
