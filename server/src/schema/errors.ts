import type { ErrorObject } from 'ajv';
import type { Anchors } from '../model/nodes';
import { formatPath } from '../model/locate';
import type { Resource } from '../model/resource';
import type { Target } from '../rules/types';
import type { Localized, MessageArg } from '../service/messages';
import { keyTarget, parentTarget, pointerPath, valueTarget } from './locateJson';
import { closestName } from './suggest';

/** The `schema/*` rule an issue belongs to (without the prefix). */
export type SchemaCode = 'unknown-field' | 'type' | 'enum' | 'required' | 'format' | 'unknown-kind';

/** One schema problem of a resource, placed on the offending key or value, with its message variant and arguments. */
export interface SchemaIssue {
  code: SchemaCode;
  at: Target;
  variant?: string;
  args: Record<string, MessageArg>;
  /** What a fix may choose from: the allowed values of an `enum` issue, the known field names of an `unknown-field` one. */
  choices?: readonly unknown[];
}

/** What turning ajv errors into issues needs to know. */
export interface IssueContext {
  resource: Resource;
  anchors: Anchors;
  /** The JSON the validator saw. */
  data: unknown;
  /** True when an unknown field at this path exists at another minor of the window (the version rules own it then). */
  existsElsewhere?: (path: (string | number)[]) => boolean;
}

const TYPE_WORDS: Record<string, Localized> = {
  string: { en: 'a string', 'zh-CN': '字符串' },
  integer: { en: 'an integer', 'zh-CN': '整数' },
  number: { en: 'a number', 'zh-CN': '数字' },
  boolean: { en: 'a boolean', 'zh-CN': '布尔值' },
  object: { en: 'a mapping', 'zh-CN': '映射' },
  array: { en: 'a list', 'zh-CN': '列表' },
  null: { en: 'null', 'zh-CN': 'null' },
};

/** Strategic merge patch directives: kustomize patches carry them, and they never reach a schema. */
const PATCH_DIRECTIVE = /^\$(patch|retainKeys|setElementOrder\/|deleteFromPrimitiveList\/)/;

const BRANCHING = new Set(['anyOf', 'oneOf', 'not']);
const RANGE = new Set(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf']);
const COUNT = new Set(['minItems', 'maxItems', 'minProperties', 'maxProperties']);

function typeWords(types: string[]): Localized {
  const words = types.map((t) => TYPE_WORDS[t] ?? { en: t, 'zh-CN': t });
  return { en: words.map((w) => w.en).join(' or '), 'zh-CN': words.map((w) => w['zh-CN']).join('或') };
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const shown = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? String(value));

function list(values: readonly unknown[]): string {
  const head = values.slice(0, 12).map((v) => `\`${shown(v)}\``);
  return values.length > 12 ? `${head.join(', ')}, …` : head.join(', ');
}

/** Drops errors raised inside `anyOf`/`oneOf`/`not` branches: the branching error stands for them. */
function withoutBranchDetail(errors: readonly ErrorObject[]): ErrorObject[] {
  const branches = errors.filter((e) => BRANCHING.has(e.keyword)).map((e) => `${e.schemaPath}/`);
  if (!branches.length) return [...errors];
  return errors.filter((e) => !branches.some((b) => e.schemaPath.startsWith(b)));
}

/** Converts ajv's errors for one resource into issues, one per offending key or value and rule. */
export function issuesFromErrors(errors: readonly ErrorObject[], ctx: IssueContext): SchemaIssue[] {
  const out: SchemaIssue[] = [];
  const seen = new Set<string>();
  for (const e of withoutBranchDetail(errors)) {
    const issue = toIssue(e, ctx);
    if (!issue) continue;
    const key = `${issue.code} ${e.instancePath} ${issue.args.field ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
  }
  return out;
}

function toIssue(e: ErrorObject, ctx: IssueContext): SchemaIssue | undefined {
  const { resource, anchors } = ctx;
  const path = pointerPath(e.instancePath, ctx.data);
  const field = formatPath(path) || resource.kind;
  const value = (): Target => valueTarget(resource, anchors, path);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String(p.additionalProperty);
      const full = [...path, name];
      if (PATCH_DIRECTIVE.test(name) || ctx.existsElsewhere?.(full)) return undefined;
      const known = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const suggestion = closestName(name, known);
      const args = { field: formatPath(full), name, suggestion: suggestion ?? '' };
      return { code: 'unknown-field', at: keyTarget(resource, anchors, path, name), variant: suggestion ? 'suggest' : undefined, args, choices: known };
    }
    case 'type': {
      const expected = String(p.type).split(',');
      return { code: 'type', at: value(), args: { field, expected: typeWords(expected), actual: typeWords([jsonType(e.data)]) } };
    }
    case 'enum':
    case 'const': {
      const allowed = e.keyword === 'enum' ? (p.allowedValues as unknown[]) : [p.allowedValue];
      return { code: 'enum', at: value(), args: { field, value: shown(e.data), allowed: list(allowed) }, choices: allowed };
    }
    case 'required':
      return { code: 'required', at: parentTarget(resource, anchors, path), args: { field: String(p.missingProperty), parent: field } };
    case 'format':
      return { code: 'format', at: value(), variant: formatVariant(String(p.format)), args: { field, value: shown(e.data) } };
    case 'pattern':
      return { code: 'format', at: value(), variant: 'pattern', args: { field, value: shown(e.data), pattern: String(p.pattern) } };
    case 'minLength':
    case 'maxLength':
      return { code: 'format', at: value(), variant: e.keyword, args: { field, value: shown(e.data), limit: Number(p.limit) } };
    default:
      if (RANGE.has(e.keyword)) {
        const limit = e.keyword === 'multipleOf' ? `× ${shown(p.multipleOf)}` : `${String(p.comparison)} ${shown(p.limit)}`;
        return { code: 'format', at: value(), variant: 'range', args: { field, value: shown(e.data), limit } };
      }
      if (COUNT.has(e.keyword)) return { code: 'format', at: value(), variant: e.keyword.startsWith('min') ? 'tooFew' : 'tooMany', args: { field, limit: Number(p.limit) } };
      if (e.keyword === 'uniqueItems') return { code: 'format', at: value(), variant: 'unique', args: { field } };
      if (BRANCHING.has(e.keyword)) return { code: 'type', at: value(), variant: 'alternatives', args: { field } };
      return undefined;
  }
}

function formatVariant(format: string): string {
  switch (format) {
    case 'quantity':
      return 'quantity';
    case 'int32':
    case 'int64':
      return format;
    case 'date-time':
      return 'dateTime';
    case 'byte':
      return 'byte';
    default:
      return 'default';
  }
}
