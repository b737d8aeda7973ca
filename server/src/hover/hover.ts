import { isScalar, type Node } from 'yaml';
import { locate } from '../model/locate';
import { scalarText } from '../model/nodes';
import type { Position, Range } from '../model/types';
import { documentOffset, fileRange } from '../model/yamlDocument';
import { documentAt, type YamlFile } from '../model/yamlFile';
import { ruleDocsUrl } from '../rules/docs';
import { defaultSchemaStore } from '../schema/instance';
import { fieldFor, windowEnum } from '../completion/schemaAt';
import { typeLabel } from '../completion/keys';
import { tr, type EditingEnv, type EditingSettings } from '../completion/types';
import { format } from '../service/messages';
import { formatMinors, formatWindow } from '../versions/window';
import { adviceFor } from './advice';
import { gatesAt, stagesOver } from './gates';
import { explainValue } from './values';

/** Hover text (Markdown) and the range it explains. */
export interface HoverResult {
  markdown: string;
  range: Range;
}

/** What hover may use beyond completion's environment: the clock for schedules (tests fix it). */
export interface HoverEnv extends EditingEnv {
  now?: Date;
}

/**
 * Hover on a manifest field: its type, allowed values, the versions that have it and its feature-gate stage over
 * the target window, the guide's advice with a link to the rule docs, an explanation of the value, and the API
 * description as the schema has it.
 */
export function hover(file: YamlFile, pos: Position, settings: EditingSettings, env: HoverEnv = {}): HoverResult | undefined {
  const store = env.store ?? defaultSchemaStore();
  const placed = documentAt(file, pos);
  const offset = placed && documentOffset(placed, pos);
  if (!store || !placed || offset === undefined) return undefined;
  const doc = placed.doc;
  const resource = doc.resources.find((r) => r.span[0] <= offset && offset <= r.span[1]);
  if (!resource) return undefined;
  const loc = locate(doc.ast.contents as Node, offset);
  const path = loc.path.slice(resource.path.length);
  if (!path.length || typeof path[path.length - 1] !== 'string' && !isScalar(loc.node)) return undefined;
  const target = loc.inKey ? loc.node : loc.node ?? (loc.pair?.key as Node | undefined);
  if (!target?.range) return undefined;
  const { locale } = settings;
  const w = settings.kubernetes;
  const field = fieldFor(store, resource.apiVersion, resource.kind, path, w);
  const key = path[path.length - 1];
  const parts: string[] = [];
  if (field) {
    const required = field.info.isRequired ? ` · ${tr(locale, 'required', '必填')}` : '';
    parts.push(`**${key}** \`${typeLabel(field)}\`${required}`);
    const values = windowEnum(store, field);
    if (values.length) parts.push(`${tr(locale, 'Allowed values', '允许的值')}: ${values.map((v) => `\`${v}\``).join(', ')}`);
    const missing = [];
    for (let m = w.min; m <= w.max; m++) if (!field.inWindow.includes(m) && store.minors.includes(m)) missing.push(m);
    let versions = `${tr(locale, 'Exists in', '存在于')} ${formatMinors(field.minors)}`;
    if (missing.length) versions += ` — ⚠ ${tr(locale, `not in ${formatMinors(missing)} of the target window ${formatWindow(w)}`, `目标版本范围 ${formatWindow(w)} 中的 ${formatMinors(missing)} 没有此字段`)}`;
    parts.push(versions);
  } else if (typeof key === 'string') parts.push(`**${key}**`);
  for (const { gate, use } of gatesAt(resource.kind, path)) {
    const cond = use.equals ? tr(locale, ` (when \`${use.equals}\`)`, `（值为 \`${use.equals}\` 时）`) : use.unless ? tr(locale, ` (unless \`${use.unless}\`)`, `（值不为 \`${use.unless}\` 时）`) : '';
    parts.push(`${tr(locale, 'Feature gate', '特性门控')} \`${gate.gate}\`${cond}: ${stagesOver(gate, w, locale)}`);
  }
  const advice = adviceFor(resource.kind, path);
  if (advice) parts.push(`💡 ${format(advice.text, locale)} [${tr(locale, 'Rule', '规则')} \`${advice.rule}\`](${ruleDocsUrl(advice.rule, locale)})`);
  const valueNode = loc.inKey ? (loc.pair?.value as Node | undefined) : loc.node;
  const value = scalarText(valueNode);
  if (value !== undefined) {
    const explained = explainValue({ resource, anchors: doc.anchors, path, value, format: field?.info.format, locale, now: env.now ?? new Date(), index: env.index, defaultNamespace: settings.defaultNamespace });
    if (explained) parts.push(explained);
  }
  if (field?.info.description) parts.push(field.info.description);
  if (parts.length <= 1 && !field) return undefined;
  return { markdown: parts.join('\n\n'), range: fileRange(placed, [target.range[0], target.range[1]]) };
}
