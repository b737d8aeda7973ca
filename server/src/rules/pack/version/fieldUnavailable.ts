import { isMap, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { mapPairs, scalarText } from '../../../model/nodes';
import { defaultSchemaStore } from '../../../schema/instance';
import type { SchemaStore } from '../../../schema/store';
import { validatedKeysKnownAt } from '../../../schema/validate';
import { fieldTree, minorMask, type FieldNode } from '../../../versions/fieldTree';
import { regularKind } from '../../../versions/regularKinds';
import { defineRule, valueOf, type RuleContext } from '../../types';

const MAX_DEPTH = 64;

/** What the walk needs besides the YAML: the store and the indexes (into its minors) of the window's served minors, as a list and a bit set. */
interface Walk {
  ctx: RuleContext;
  store: SchemaStore;
  served: number[];
  servedMask: number;
}

/**
 * A field the schema of the window's first version lacks (added later), or that a version inside the
 * window no longer has; and a kind first served after the window starts. The resource's YAML is walked
 * once against the kind's cached field tree; maps with free keys (labels, data) are not fields. With one minor in the
 * window the walk is left out where it cannot find anything: when schema validation found the resource to fit that
 * minor with every key known, and the kind's fields hold one kind of value at every minor (`regularKinds.ts`), each
 * field the walk would meet exists at that minor.
 */
export const fieldUnavailable = defineRule({
  id: 'version/field-unavailable',
  category: 'version',
  severity: 'error',
  guide: ['1.4'],
  title: { en: 'Field not available on every version of the target window', 'zh-CN': '字段并非在目标版本范围内的所有版本上都可用' },
  messages: {
    default: {
      en: '`{field}` needs Kubernetes {since}+; your window starts at {min}, where the API server rejects the field or silently drops it',
      'zh-CN': '`{field}` 需要 Kubernetes {since} 及以上版本；你的目标版本范围从 {min} 开始，该版本的 API 服务器会拒绝或静默丢弃这个字段',
    },
    removed: {
      en: '`{field}` was removed in Kubernetes {removed}; your window reaches {max}',
      'zh-CN': '`{field}` 已在 Kubernetes {removed} 中移除；你的目标版本范围到 {max}',
    },
    kind: {
      en: '{kind} `{apiVersion}` is served from Kubernetes {since}; your window starts at {min}, where this resource cannot be created',
      'zh-CN': '{kind} `{apiVersion}` 从 Kubernetes {since} 起才提供；你的目标版本范围从 {min} 开始，在该版本上无法创建此资源',
    },
  },
  check(ctx) {
    const store = defaultSchemaStore();
    if (!store) return;
    const { min, max } = ctx.settings.kubernetes;
    if (min === max && validatedKeysKnownAt(ctx.resource, ctx.settings.kubernetes, ctx.env) === min && regularKind(store, ctx.resource.apiVersion, ctx.resource.kind)) return;
    const root = fieldTree(store, ctx.resource.apiVersion, ctx.resource.kind);
    if (!root) return;
    const window = store.minors.flatMap((m, i) => (m >= min && m <= max ? [i] : []));
    if (!window.length) return;
    if (!root.has(window[0])) {
      const since = store.minors.find((m, i) => m > min && m <= max && root.has(i));
      const apiVersion = ctx.pair(ctx.resource.node, 'apiVersion');
      if (since !== undefined && apiVersion) {
        ctx.report({ at: valueOf(apiVersion), variant: 'kind', args: { kind: ctx.resource.kind, apiVersion: ctx.resource.apiVersion, since: `1.${since}`, min: `1.${min}` } });
      }
      return;
    }
    const served = window.filter((i) => root.has(i));
    walkMap({ ctx, store, served, servedMask: minorMask(served) }, ctx.resource.node, root, 0);
  },
});

function walkMap(w: Walk, map: YAMLMap, node: FieldNode, depth: number): void {
  for (const pair of mapPairs(map, w.ctx.anchors)) {
    const key = scalarText(pair.key);
    const child = key === undefined ? undefined : node.child(key);
    if (!child) continue;
    if ((child.minors & w.servedMask) === w.servedMask) descend(w, w.ctx.anchors.resolve(pair.value), child, depth + 1);
    else report(w, pair, key!, child);
  }
}

function descend(w: Walk, value: Node | undefined, node: FieldNode, depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (isMap(value)) walkMap(w, value, node, depth);
  else if (isSeq(value)) {
    const item = node.item();
    if (item) for (const v of value.items) descend(w, w.ctx.anchors.resolve(v), item, depth + 1);
  }
}

function report(w: Walk, pair: Pair, field: string, child: FieldNode): void {
  const { store, served, ctx } = w;
  const { min, max } = ctx.settings.kubernetes;
  let gone = served.find((i) => !child.has(i));
  if (gone === served[0]) {
    const since = store.minors.find((_, i) => i > served[0] && child.has(i));
    if (since !== undefined) {
      ctx.report({ at: pair, args: { field, since: `1.${since}`, min: `1.${min}` } });
      return;
    }
    const last = store.minors.map((_, i) => i).filter((i) => i < served[0] && child.has(i)).pop();
    gone = last === undefined ? undefined : last + 1;
  }
  if (gone !== undefined) ctx.report({ at: pair, variant: 'removed', args: { field, removed: `1.${store.minors[gone]}`, max: `1.${max}` } });
}
