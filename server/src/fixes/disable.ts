import { isMap, isScalar } from 'yaml';
import { getAt, scalarText } from '../model/nodes';
import { parseYamlFile, type YamlFile } from '../model/yamlFile';
import { IGNORE_ANNOTATION } from '../rules/suppression';
import type { Finding } from '../service/finding';
import { applyEdits, DocumentEditor, type Edit } from './edits';
import { scopeOf } from './scope';
import { detectStyle, renderMap } from './style';

const NEXT_LINE = /^(\s*)#\s*kws-disable-next-line\s+\S.*?(\s*)$/;

/** "Disable for this line": a `# kws-disable-next-line id` comment above the finding, or the id added to one already there. */
export function disableLineEdits(file: YamlFile, finding: Finding): Edit[] | undefined {
  const lines = file.lines();
  const line = finding.range.start.line;
  const text = lines.lineText(line);
  if (line > 0) {
    const above = lines.lineText(line - 1);
    const m = NEXT_LINE.exec(above);
    if (m) {
      const end = lines.starts[line - 1] + above.length - m[2].length;
      return [{ start: end, end, text: `, ${finding.ruleId}` }];
    }
  }
  const eol = detectStyle(file.text).eol;
  const indent = /^\s*/.exec(text)![0];
  const at = lines.starts[line];
  return [{ start: at, end: at, text: `${indent}# kws-disable-next-line ${finding.ruleId}${eol}` }];
}

/** "Disable for this resource": the rule id in the resource's `workload-studio.dev/ignore` annotation. */
export function disableResourceEdits(file: YamlFile, finding: Finding): Edit[] | undefined {
  const scope = scopeOf(file, finding);
  const r = scope?.resource;
  if (!scope || !r) return undefined;
  const editor = new DocumentEditor(file, scope.placed, detectStyle(file.text));
  const current = getAt(r.node, ['metadata', 'annotations', IGNORE_ANNOTATION]);
  if (isScalar(current)) {
    const ids = scalarText(current) ?? '';
    return ids.split(/[\s,]+/).includes(finding.ruleId) ? undefined : editor.setScalar(current, ids ? `${ids},${finding.ruleId}` : finding.ruleId);
  }
  const annotation = { annotations: { [IGNORE_ANNOTATION]: finding.ruleId } };
  const metadata = getAt(r.node, ['metadata']);
  return isMap(metadata) ? editor.merge(metadata, annotation) : editor.merge(r.node, { metadata: annotation });
}

/** "Disable in .kws.yaml": the full new text of the config (created when absent) with the rule turned off. */
export function disableInConfigText(config: string | undefined, ruleId: string): string | undefined {
  const entry = { rules: { [ruleId]: 'off' } };
  if (config === undefined || !config.trim()) return renderMap(entry, 0, detectStyle(config ?? '')).join('\n') + '\n';
  const file = parseYamlFile(config, { templates: 'ignore' });
  const placed = file.documents[0];
  const root = placed?.doc.ast.contents;
  if (!placed || !isMap(root)) return undefined;
  const editor = new DocumentEditor(file, placed, detectStyle(config));
  const rules = getAt(root, ['rules']);
  const edits = isMap(rules) ? editor.merge(rules, { [ruleId]: 'off' }) : getAt(root, ['rules']) === undefined ? editor.merge(root, entry) : undefined;
  if (!edits) return undefined;
  return applyEdits(config, edits);
}
