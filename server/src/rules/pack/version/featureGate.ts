import { isMap, type Node, type Pair } from 'yaml';
import { get, mapPairs, scalarText } from '../../../model/nodes';
import type { Localized } from '../../../service/messages';
import { FEATURE_GATES, offIn, type FeatureGate, type GateUse } from '../../../versions/gates';
import { formatMinors, formatWindow } from '../../../versions/window';
import { isNull, items } from '../../helpers';
import { defineRule, type RuleContext } from '../../types';

/**
 * A field whose feature gate is off by default (alpha, or a beta not yet enabled) at some version of
 * the window: clusters of that version drop or reject it unless their administrators enable the gate.
 */
export const featureGate = defineRule({
  id: 'version/feature-gate',
  category: 'version',
  severity: 'warning',
  guide: ['1.4'],
  title: { en: 'Field behind a feature gate that is off by default in the target window', 'zh-CN': '字段依赖的特性门控在目标版本范围内默认关闭' },
  messages: {
    default: {
      en: '`{field}` depends on feature gate {gate}, off by default in Kubernetes {off} of your window {window}: there the field is ignored or rejected unless the cluster enables the gate (stages: {stages})',
      'zh-CN': '`{field}` 依赖特性门控 {gate}，它在你的目标版本范围 {window} 中的 Kubernetes {off} 上默认关闭：除非集群启用该门控，否则这些版本会忽略或拒绝该字段（各阶段：{stages}）',
    },
  },
  check(ctx) {
    const seen = new Set<Pair>();
    const roots = new Map<string, ScopeRoot[]>();
    const { gates, firstKeys } = gatesOffIn(ctx.settings.kubernetes);
    for (const { gate, off } of gates) {
      for (const use of gate.uses) {
        const key = use.scope === 'resource' ? `resource:${use.kinds?.includes(ctx.resource.kind)}` : use.scope;
        let from = roots.get(key);
        if (!from) roots.set(key, (from = withKeys(ctx, scopeRoots(ctx, use), firstKeys.get(use.scope)!)));
        for (const { root, present } of from) {
          if (use.path[0] !== '*' && !present.includes(use.path[0])) continue;
          for (const pair of pairsAt(ctx, root, use.path, 0, [])) {
            if (seen.has(pair) || !valueMatches(ctx, pair, use)) continue;
            seen.add(pair);
            ctx.report({ at: pair, args: { field: fieldLabel(use), gate: gate.gate, off: formatMinors(off), window: formatWindow(ctx.settings.kubernetes), stages: stagesText(gate) } });
          }
        }
      }
    }
  },
});

/** A scope root with the first path steps of the window's gate uses that it holds as keys. */
interface ScopeRoot {
  root: Node;
  present: string[];
}

/** The gates off by default at some minor of a window, with those minors, and the first path step of their uses by scope. */
interface WindowGates {
  gates: { gate: FeatureGate; off: number[] }[];
  firstKeys: Map<GateUse['scope'], Set<string>>;
}

const offByWindow = new Map<string, WindowGates>();

/** The gates off by default at some minor of the window; worked out once per window. */
function gatesOffIn({ min, max }: { min: number; max: number }): WindowGates {
  const key = `${min}-${max}`;
  let found = offByWindow.get(key);
  if (!found) {
    const window = Array.from({ length: max - min + 1 }, (_, i) => min + i);
    const gates = FEATURE_GATES.map((gate) => ({ gate, off: offIn(gate, window) })).filter((g) => g.off.length > 0);
    const firstKeys = new Map<GateUse['scope'], Set<string>>();
    for (const { gate } of gates) for (const use of gate.uses) firstKeys.set(use.scope, (firstKeys.get(use.scope) ?? new Set()).add(use.path[0]));
    offByWindow.set(key, (found = { gates, firstKeys }));
  }
  return found;
}

function scopeRoots(ctx: RuleContext, use: GateUse): Node[] {
  const kind = ctx.resource.kind;
  switch (use.scope) {
    case 'resource':
      return use.kinds?.includes(kind) ? [ctx.resource.node] : [];
    case 'job': {
      const spec = kind === 'Job' ? ctx.at(['spec']) : kind === 'CronJob' ? ctx.at(['spec', 'jobTemplate', 'spec']) : undefined;
      return spec ? [spec] : [];
    }
    case 'pod':
      return ctx.podSpecs().map((p) => p.spec);
    case 'container':
      return ctx.podSpecs().flatMap((p) => p.containers.map((c) => c.node));
    case 'init':
      return ctx.podSpecs().flatMap((p) => p.containers.filter((c) => c.role === 'init' || c.role === 'sidecar').map((c) => c.node));
  }
}

/**
 * The roots holding at least one of `keys` as a key (merged keys included), each with the ones it holds; every
 * root when `keys` holds `*`, which any root may match.
 */
function withKeys(ctx: RuleContext, roots: Node[], keys: Set<string>): ScopeRoot[] {
  const out: ScopeRoot[] = [];
  for (const root of roots) {
    const present: string[] = keys.has('*') ? ['*'] : [];
    const map = ctx.anchors.resolve(root);
    if (isMap(map)) {
      for (const pair of mapPairs(map, ctx.anchors)) {
        const name = scalarText(pair.key);
        if (name !== undefined && keys.has(name) && !present.includes(name)) present.push(name);
      }
    }
    if (present.length) out.push({ root, present });
  }
  return out;
}

/** Adds to `out` the pairs at `path` below `from`, from its step `step` on (`*` steps into every list item). */
function pairsAt(ctx: RuleContext, from: Node, path: readonly string[], step: number, out: Pair[]): Pair[] {
  const key = path[step];
  if (step === path.length - 1) {
    const pair = ctx.pair(from, key);
    if (pair) out.push(pair);
  } else if (key === '*') {
    for (const item of items(from, ctx.anchors)) pairsAt(ctx, item, path, step + 1, out);
  } else {
    const child = get(from, key, ctx.anchors);
    if (child) pairsAt(ctx, child, path, step + 1, out);
  }
  return out;
}

function valueMatches(ctx: RuleContext, pair: Pair, use: GateUse): boolean {
  const value = ctx.anchors.resolve(pair.value);
  if (isNull(value)) return false;
  const text = scalarText(value);
  if (use.equals !== undefined) return text === use.equals;
  return use.unless === undefined || text !== use.unless;
}

function fieldLabel(use: GateUse): string {
  const prefix = use.scope === 'init' ? 'initContainers[].' : use.scope === 'container' ? 'containers[].' : '';
  const path = use.path.map((s, i) => (s === '*' ? '[]' : i === 0 ? s : `.${s}`)).join('');
  return `${prefix}${path}${use.equals !== undefined ? `: ${use.equals}` : ''}`;
}

const STAGE_WORDS: Record<string, Localized> = {
  alpha: { en: 'alpha from {v} (off by default)', 'zh-CN': '{v} 起 alpha（默认关闭）' },
  betaOff: { en: 'beta from {v} (still off by default)', 'zh-CN': '{v} 起 beta（仍默认关闭）' },
  beta: { en: 'beta from {v} (on by default)', 'zh-CN': '{v} 起 beta（默认开启）' },
  ga: { en: 'GA from {v}', 'zh-CN': '{v} 起 GA' },
};

function stagesText(gate: FeatureGate): Localized {
  const parts = gate.stages.map((s) => STAGE_WORDS[s.stage === 'beta' && !s.on ? 'betaOff' : s.stage]);
  const join = (lang: keyof Localized, sep: string) => parts.map((p, i) => p[lang].replace('{v}', `1.${gate.stages[i].from}`)).join(sep);
  return { en: join('en', ', '), 'zh-CN': join('zh-CN', '，') };
}
