import type { IndexedResource } from '../index/extract';
import type { RuleContext, Target } from '../rules/types';
import { configReferences } from '../index/facts';
import { mention, relatedTo, selfNamespace } from './helpers';
import type { TrackedIndex } from './trackedIndex';

const SECRET_PROVIDERS = ['ExternalSecret', 'SealedSecret', 'Certificate'];

/** What defines an object of a kind and name in a namespace (in any when omitted): the object, or for a Secret a resource that creates it (ExternalSecret, SealedSecret, cert-manager Certificate). */
export function definitionsOf(index: TrackedIndex, kind: string, name: string, namespace?: string): IndexedResource[] {
  const providers = kind === 'Secret' ? SECRET_PROVIDERS.flatMap((k) => index.find({ kind: k, namespace }).filter((r) => r.facts.providesSecret === name)) : [];
  return [...index.find({ kind, name, namespace }), ...providers];
}

/**
 * Reports a reference to a `kind` named `name` that nothing in the workspace defines in `namespace` (omit it
 * for cluster-scoped kinds). Message args `name` and `namespace`; variant `otherNamespace` adds `other` and
 * `otherNamespace`: a definition in another namespace, which the reference cannot reach; it relates to it.
 */
export function reportUndefined(ctx: RuleContext, index: TrackedIndex, ref: { kind: string; name: string; at: Target; namespace?: string }): void {
  if (definitionsOf(index, ref.kind, ref.name, ref.namespace).length) return;
  const args = { name: ref.name, namespace: ref.namespace ?? '' };
  const elsewhere = ref.namespace === undefined ? [] : definitionsOf(index, ref.kind, ref.name);
  if (!elsewhere.length) return ctx.report({ at: ref.at, args });
  ctx.report({ at: ref.at, variant: 'otherNamespace', args: { ...args, other: mention(elsewhere[0]), otherNamespace: index.namespaceOf(elsewhere[0]) }, related: elsewhere.map((r) => relatedTo(r)) });
}

/** Reports the checked pod carrier's ConfigMap or Secret references that nothing defines (see reportUndefined): once per name, skipping `optional: true` references and `known` names. */
export function reportUndefinedConfig(ctx: RuleContext, index: TrackedIndex, kind: 'ConfigMap' | 'Secret', known: ReadonlySet<string> = new Set()): void {
  const namespace = selfNamespace(ctx, index);
  const seen = new Set(known);
  for (const pod of ctx.podSpecs()) {
    for (const ref of configReferences(pod.spec, pod.containers.map((c) => c.node), ctx.anchors)) {
      if (ref.kind !== kind || ref.optional || seen.has(ref.name)) continue;
      seen.add(ref.name);
      reportUndefined(ctx, index, { kind, name: ref.name, at: ref.node, namespace });
    }
  }
}
