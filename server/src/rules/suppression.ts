import { scalarText, getAt } from '../model/nodes';
import type { Resource } from '../model/resource';
import type { YamlDocument } from '../model/yamlDocument';

/** The annotation that turns rules off for one resource. */
export const IGNORE_ANNOTATION = 'workload-studio.dev/ignore';

/** A suppression written in the document: a comment, or the ignore annotation of a resource. */
export interface Suppression {
  kind: 'next-line' | 'rest' | 'annotation';
  ids: string[];
  /** Document-relative offsets of the directive (the comment, or the annotation's value). */
  span: [number, number];
  /** For `next-line`: the document line it covers; for `rest`: the first line it covers. */
  line: number;
  /** For `annotation`: the resource's span. */
  resourceSpan?: [number, number];
  /** Rule ids this suppression silenced at least once. */
  used: Set<string>;
}

const DIRECTIVE = /#\s*kws-(disable-next-line|disable)\s+([A-Za-z0-9,\s-]+?)\s*$/;

/** Finds the `# kws-disable-next-line id[,id]` and `# kws-disable id` comments and ignore annotations of a document. */
export function findSuppressions(doc: YamlDocument): Suppression[] {
  const out: Suppression[] = [];
  const { text, lines } = doc;
  if (text.includes('kws-disable')) {
    for (let line = 0; line < lines.lineCount; line++) {
      const content = lines.lineText(line);
      const hash = content.indexOf('#');
      if (hash === -1 || (hash > 0 && !/\s/.test(content[hash - 1]))) continue;
      const m = DIRECTIVE.exec(content.slice(hash));
      if (!m) continue;
      const start = lines.starts[line] + hash;
      out.push({
        kind: m[1] === 'disable' ? 'rest' : 'next-line',
        ids: m[2].split(/[\s,]+/).filter(Boolean),
        span: [start, lines.starts[line] + content.length],
        line: m[1] === 'disable' ? line : nextContentLine(doc, line),
        used: new Set(),
      });
    }
  }
  for (const r of doc.resources) {
    const node = getAt(r.node, ['metadata', 'annotations', IGNORE_ANNOTATION], doc.anchors);
    const value = scalarText(node);
    if (value === undefined || !node?.range) continue;
    out.push({ kind: 'annotation', ids: value.split(/[\s,]+/).filter(Boolean), span: [node.range[0], node.range[1]], line: -1, resourceSpan: r.span, used: new Set() });
  }
  return out;
}

function nextContentLine(doc: YamlDocument, line: number): number {
  for (let l = line + 1; l < doc.lines.lineCount; l++) if (!/^\s*(#.*)?$/.test(doc.lines.lineText(l))) return l;
  return line + 1;
}

/** True (and marks the suppression used) when a finding of `ruleId` at `offset` is suppressed. */
export function isSuppressed(suppressions: Suppression[], doc: YamlDocument, ruleId: string, offset: number, resource?: Resource): boolean {
  const line = doc.lines.positionAt(offset).line;
  let hit = false;
  for (const s of suppressions) {
    if (!s.ids.includes(ruleId) && !s.ids.includes('all')) continue;
    const covers =
      s.kind === 'next-line' ? line === s.line : s.kind === 'rest' ? line > s.line : !!resource && s.resourceSpan![0] === resource.span[0];
    if (covers) {
      s.used.add(ruleId);
      hit = true;
    }
  }
  return hit;
}
