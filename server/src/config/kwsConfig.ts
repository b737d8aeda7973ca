import type { ErrorObject, ValidateFunction } from 'ajv';
import { isNode, type Node } from 'yaml';
import { getAt, scalarText } from '../model/nodes';
import { parseYamlFile } from '../model/yamlFile';
import type { Locale } from '../model/types';
import { configInvalidRule } from '../rules/yamlRules';
import { analyzeFile } from '../service/analyze';
import { compareFindings, type Finding } from '../service/finding';
import { format } from '../service/messages';
import { DEFAULT_SETTINGS, mergeRules, normalizeSettings, type Settings, type SettingsOverrides } from '../service/settings';
import { fileRange } from '../model/yamlDocument';
import { kwsConfigSchema } from './schema';
import { ajvLibrary } from '../vendor';

/** The project configuration file, at the workspace root; the CLI and the editor both read it. */
export const CONFIG_FILE = '.kws.yaml';

/** A loaded `.kws.yaml`: its plain value and what was wrong with it. */
export interface KwsConfig {
  value: Record<string, unknown>;
  findings: Finding[];
}

let validator: ValidateFunction | undefined;

/** Parses and validates `.kws.yaml`; invalid parts are reported and left out of `value`. */
export function parseKwsConfig(text: string, locale: Locale): KwsConfig {
  const file = parseYamlFile(text, { templates: 'ignore' });
  const findings = analyzeFile(file, { ...DEFAULT_SETTINGS, locale }).filter((f) => f.ruleId === 'syntax' || f.ruleId === 'duplicate-key');
  const placed = file.documents[0];
  if (!placed) return { value: {}, findings };
  const value = offAsString((placed.doc.ast.toJS({ maxAliasCount: 50 }) ?? {}) as Record<string, unknown>);
  validator ??= new (ajvLibrary().default)({ allErrors: true, strict: false }).compile(kwsConfigSchema());
  if (!validator(value)) {
    const seen = new Set<string>();
    for (const e of validator.errors ?? []) {
      const key = `${e.instancePath}#${(e.params as { additionalProperty?: string }).additionalProperty ?? ''}`;
      if (e.keyword === 'anyOf' || (e.keyword === 'type' && e.instancePath === '') || seen.has(key)) continue;
      seen.add(key);
      const path = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
      const node = targetNode(placed.doc.ast.contents as Node, path, e);
      const range = fileRange(placed, node?.range ? [node.range[0], node.range[1]] : [0, 1]);
      findings.push({
        ruleId: configInvalidRule.id,
        severity: 'error',
        message: format(configInvalidRule.messages.default, locale, { detail: describe(e, locale) }),
        range,
        document: 0,
        resource: null,
        fixes: [],
      });
    }
  }
  return { value, findings: findings.sort(compareFindings) };
}

/** YAML 1.1 reads a bare `off` as false; in rule settings it means the level `off`. */
function offAsString(value: Record<string, unknown>): Record<string, unknown> {
  const rules = value?.rules;
  if (!rules || typeof rules !== 'object') return value;
  for (const [id, v] of Object.entries(rules as Record<string, unknown>)) {
    if (v === false) (rules as Record<string, unknown>)[id] = 'off';
    else if (v && typeof v === 'object' && (v as Record<string, unknown>).severity === false) (v as Record<string, unknown>).severity = 'off';
  }
  return value;
}

function targetNode(root: Node, path: string[], e: ErrorObject): Node | undefined {
  const node = getAt(root, path);
  if (e.keyword !== 'additionalProperties') return node;
  const extra = (e.params as { additionalProperty: string }).additionalProperty;
  if (!node || !('items' in node)) return node;
  for (const p of (node as { items: { key: unknown }[] }).items) if (isNode(p.key) && scalarText(p.key) === extra) return p.key;
  return node;
}

function describe(e: ErrorObject, locale: Locale): string {
  const zh = locale === 'zh-CN';
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      return zh ? `未知的键 \`${key}\`` : `unknown key \`${key}\``;
    }
    case 'enum':
      return (zh ? '取值必须是：' : 'must be one of: ') + (e.params as { allowedValues: unknown[] }).allowedValues.join(', ');
    case 'pattern':
      return zh ? '版本必须在 1.26 到 1.34 之间，例如 "1.28"' : 'the version must be 1.26 to 1.34, such as "1.28"';
    case 'type':
      return (zh ? '类型必须是 ' : 'must be of type ') + String((e.params as { type: string }).type);
    default:
      return e.message ?? e.keyword;
  }
}

/** Settings with a `.kws.yaml` applied over the defaults; `overrides` (the editor's explicit settings) win. */
export function settingsWithConfig(config: Record<string, unknown>, locale: Locale, overrides: SettingsOverrides = {}): Settings {
  const fromFile = normalizeSettings(config, locale);
  return {
    ...fromFile,
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
    locale,
    rules: mergeRules(fromFile.rules, overrides.rules ?? {}),
    limits: { ...fromFile.limits, ...overrides.limits },
  };
}
