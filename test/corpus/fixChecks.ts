import { isMap, isPair, isScalar, isSeq } from 'yaml';
import { DOCUMENT_ADDING_FIXES } from '../../server/src/fixes/registry';
import type { YamlDocument } from '../../server/src/model/yamlDocument';
import type { YamlFile } from '../../server/src/model/yamlFile';
import { comments } from '../unit/fixesHelpers';

/** Separates the segments of a key path (keys may hold dots and slashes, never a tab here). */
const SEP = '\t';

/** The kinds of the documents the document-adding fixes create. */
const ADDED_KINDS = new Set(['PodDisruptionBudget', 'HorizontalPodAutoscaler']);

/**
 * Key paths a safe fix may remove, by fix id: `remove-replicas-under-hpa` drops `spec.replicas`;
 * `migrate-api-version` moves an Ingress backend's `serviceName`/`servicePort` under `service`. Renames
 * (`rename-unknown-field`, `migrate-api-version`) may remove a path when the same path with that one
 * segment renamed exists afterwards.
 */
const REMOVABLE: Record<string, RegExp> = {
  'remove-replicas-under-hpa': /(^|\t)spec\treplicas(\t|$)/,
  'migrate-api-version': /(^|\t)(serviceName|servicePort)(\t|$)/,
};
const RENAMING = new Set(['rename-unknown-field', 'migrate-api-version']);

/** Every key path of a document: mapping keys, with `[]` for any sequence item; aliases are not followed. */
export function keyPaths(doc: YamlDocument): Set<string> {
  const out = new Set<string>();
  const walk = (node: unknown, path: string) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const p = path ? `${path}${SEP}${key}` : key;
        out.add(p);
        walk(pair.value, p);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        const p = path ? `${path}${SEP}[]` : '[]';
        out.add(p);
        walk(item, p);
      }
    }
  };
  walk(doc.ast.contents, '');
  return out;
}

function identity(doc: YamlDocument): string {
  const r = doc.resources[0];
  return r ? `${r.kind}/${r.name ?? ''}` : '';
}

/** The paths of `after` with each segment in turn replaced by `*`, to recognise a renamed key. */
function wildcards(after: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const p of after) {
    const parts = p.split(SEP);
    for (let i = 0; i < parts.length; i++) out.add([...parts.slice(0, i), '*', ...parts.slice(i + 1)].join(SEP));
  }
  return out;
}

function removalAllowed(path: string, fixIds: ReadonlySet<string>, renamed: () => Set<string>): boolean {
  if ([...fixIds].some((id) => REMOVABLE[id]?.test(path))) return true;
  if (![...fixIds].some((id) => RENAMING.has(id))) return false;
  const parts = path.split(SEP);
  return parts.some((_, i) => renamed().has([...parts.slice(0, i), '*', ...parts.slice(i + 1)].join(SEP)));
}

/**
 * What a set of fixes broke in a file, as readable problems: it parses less cleanly, has a document
 * count the applied fixes do not explain, lost a comment, or lost a key path no applied fix may remove.
 * `fixIds` are the fixes applied; undefined means unknown (any safe fix, as after `kws fix`).
 */
export function dataLoss(before: YamlFile, after: YamlFile, fixIds: ReadonlySet<string> | undefined): string[] {
  const out: string[] = [];
  const problems = (f: YamlFile) => f.documents.reduce((n, d) => n + d.doc.problems.length, 0);
  if (problems(after) > problems(before)) out.push(`parses less cleanly (${problems(before)} → ${problems(after)} problems)`);
  const adding = fixIds ? [...fixIds].some((id) => DOCUMENT_ADDING_FIXES.has(id)) : true;
  const kept = comments(after.text);
  for (const [c, n] of comments(before.text)) if ((kept.get(c) ?? 0) < n) out.push(`lost comment ${c}`);
  const ids = fixIds ?? new Set([...Object.keys(REMOVABLE), ...RENAMING]);
  let j = 0;
  for (const [i, placed] of before.documents.entries()) {
    while (j < after.documents.length && identity(after.documents[j].doc) !== identity(placed.doc) && adding && ADDED_KINDS.has(after.documents[j].doc.resources[0]?.kind ?? '')) j++;
    const match = after.documents[j++];
    if (!match) {
      out.push(`document ${i} (${identity(placed.doc)}) is gone`);
      break;
    }
    const now = keyPaths(match.doc);
    let renamed: Set<string> | undefined;
    const lost = [...keyPaths(placed.doc)].filter((p) => !now.has(p) && !removalAllowed(p, ids, () => (renamed ??= wildcards(now))));
    if (lost.length) out.push(`document ${i} (${identity(placed.doc)}) lost ${lost.slice(0, 3).map((p) => p.split(SEP).join('.')).join(', ')}`);
  }
  const extra = after.documents.slice(j).filter((d) => !(adding && ADDED_KINDS.has(d.doc.resources[0]?.kind ?? '')));
  if (extra.length || (!adding && after.documents.length !== before.documents.length)) out.push(`has ${after.documents.length} documents, was ${before.documents.length}`);
  return out;
}
