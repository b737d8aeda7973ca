import type { SchemaStore } from '../schema/store';
import { formatMinors, type VersionWindow } from '../versions/window';
import type { CursorContext } from './context';
import { windowEnum, windowField, windowProperties, type WindowField } from './schemaAt';
import { tr, type Proposal } from './types';
import type { Locale } from '../model/types';

/** Skeletons for definitions whose required children alone would be an empty shell. */
const SKELETONS: Record<string, string[]> = {
  'io.k8s.api.core.v1.Probe': ['httpGet:', '  path: ${1:/healthz}', '  port: ${2:http}', 'periodSeconds: ${3:10}', 'failureThreshold: ${4:3}'],
  'io.k8s.api.core.v1.ResourceRequirements': ['requests:', '  cpu: ${1:100m}', '  memory: ${2:128Mi}', 'limits:', '  memory: ${3:128Mi}'],
  'io.k8s.api.core.v1.Container': ['name: ${1:app}', 'image: ${2:registry.example.com/app:1.0.0}'],
  'io.k8s.api.core.v1.SecurityContext': ['allowPrivilegeEscalation: false', 'readOnlyRootFilesystem: true', 'runAsNonRoot: true', 'capabilities:', '  drop: [ALL]'],
  'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector': ['matchLabels:', '  ${1:app.kubernetes.io/name}: ${2}'],
  'io.k8s.api.core.v1.Lifecycle': ['preStop:', '  sleep:', '    seconds: ${1:5}'],
};

const MAX_DEPTH = 2;

function escapeSnippet(s: string): string {
  return s.replace(/[$}\\]/g, '\\$&');
}

/** Lines (relative indentation) of an object's required children, with numbered tab stops from `next`. */
function requiredLines(store: SchemaStore, field: WindowField, w: VersionWindow, next: { n: number }, depth: number): string[] {
  const def = field.info.definition;
  const skeleton = def && SKELETONS[def];
  if (skeleton) {
    const base = next.n - 1;
    const lines = skeleton.map((l) => l.replace(/\$\{(\d+)/g, (_, d: string) => `\${${base + Number(d)}`));
    next.n = base + 1 + Math.max(0, ...skeleton.join('\n').match(/\$\{(\d+)/g)?.map((x) => Number(x.slice(2))) ?? [0]);
    return lines;
  }
  if (depth >= MAX_DEPTH) return [];
  const out: string[] = [];
  for (const name of field.info.required ?? []) {
    const child = windowField(store, field.node.child(name), w);
    if (!child) continue;
    out.push(...entryLines(store, name, child, w, next, depth + 1));
  }
  return out;
}

/** The lines a key and its value skeleton take (first line holds the key). */
function entryLines(store: SchemaStore, key: string, field: WindowField, w: VersionWindow, next: { n: number }, depth: number): string[] {
  const shape = field.node.kind();
  const k = escapeSnippet(key);
  if (shape === 'object') {
    const children = requiredLines(store, field, w, next, depth);
    return children.length ? [`${k}:`, ...children.map((l) => `  ${l}`)] : [`${k}:`, `  $${next.n++}`];
  }
  if (shape === 'array') {
    const item = windowField(store, field.node.item(), w);
    const children = item && item.node.kind() === 'object' ? requiredLines(store, item, w, next, depth) : [];
    if (children.length) return [`${k}:`, `  - ${children[0]}`, ...children.slice(1).map((l) => `    ${l}`)];
    return [`${k}:`, `  - $${next.n++}`];
  }
  if (shape === 'map') return [`${k}:`, `  $${next.n++}:`];
  const values = scalarChoices(store, field);
  return [values.length ? `${k}: \${${next.n++}|${values.map(escapeChoice).join(',')}|}` : `${k}: $${next.n++}`];
}

const escapeChoice = (v: string) => v.replace(/[,|\\$}]/g, '\\$&');

/** The values a scalar field allows in the window: its enum, or true/false. */
export function scalarChoices(store: SchemaStore, field: WindowField): string[] {
  const values = windowEnum(store, field);
  if (values.length) return values;
  return field.info.type === 'boolean' ? ['true', 'false'] : [];
}

/** One-line description: the first sentence of the API description. */
export function firstSentence(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const m = /^(.*?[.!?])(\s|$)/s.exec(text);
  return (m ? m[1] : text).slice(0, 200);
}

/** A type label such as `string`, `integer (int32)`, `[]Container`, `map[string]string`. */
export function typeLabel(field: WindowField): string {
  const info = field.info;
  const shortDef = (d?: string) => d?.split('.').pop();
  if (info.type === 'array') return `[]${shortDef(info.element?.definition) ?? info.element?.type ?? 'any'}`;
  if (info.definition) return shortDef(info.definition)!;
  if (info.type === 'object' && info.element) return `map[string]${info.element.type ?? 'any'}`;
  const base = Array.isArray(info.type) ? info.type.join('|') : info.type ?? 'any';
  return info.format ? `${base} (${info.format})` : base;
}

/** Key proposals for the mapping at the cursor: fields not yet present, required first, newer ones marked. */
export function keyProposals(store: SchemaStore, parent: WindowField, ctx: CursorContext, w: VersionWindow, locale: Locale, root: boolean): Proposal[] {
  const out: Proposal[] = [];
  const required = new Set(parent.info.required ?? []);
  const pad = ' '.repeat(Math.max(0, ctx.column - ctx.lineIndent));
  for (const name of windowProperties(store, parent)) {
    if (ctx.siblings.has(name) || (root && name === 'status')) continue;
    const field = windowField(store, parent.node.child(name), w);
    if (!field || !field.inWindow.length) continue;
    const late = !field.inWindow.includes(w.min);
    const gone = !field.inWindow.includes(w.max);
    const notes: string[] = [];
    if (late || gone) notes.push(tr(locale, `only in ${formatMinors(field.inWindow)}`, `仅 ${formatMinors(field.inWindow)} 可用`));
    const insert = ctx.flow ? `${escapeSnippet(name)}: ` : entryLines(store, name, field, w, { n: 1 }, 0).join(`\n${pad}`);
    out.push({
      label: name,
      kind: 'property',
      detail: [typeLabel(field), required.has(name) ? tr(locale, 'required', '必填') : '', ...notes].filter(Boolean).join(' · '),
      documentation: field.info.description,
      insertText: insert,
      snippet: !ctx.flow,
      sortText: `${required.has(name) ? 0 : late || gone ? 2 : 1}_${name}`,
      range: ctx.range,
      deprecated: late || gone,
    });
  }
  return out;
}

/** Value proposals for a scalar field: its enum values or true/false. */
export function valueProposals(store: SchemaStore, field: WindowField, ctx: CursorContext): Proposal[] {
  return scalarChoices(store, field).map((v, i) => ({ label: v, kind: 'enum', insertText: v, sortText: `0_${String(i).padStart(3, '0')}`, range: ctx.range }));
}
