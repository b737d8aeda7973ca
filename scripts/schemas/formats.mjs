// Integer and string formats from @kubernetes/client-node's generated models
// (attributeTypeMap), matched to Kubernetes definitions by walking both type
// graphs in parallel from each served kind.
import fs from 'node:fs';
import path from 'node:path';

/** Reads every model class of client-node: class name -> Map(jsonName -> {type, format}). */
export function readClientNodeModels(pkgDir) {
  const dir = path.join(pkgDir, 'dist/gen/models');
  const classes = new Map();
  for (const file of fs.readdirSync(dir).sort()) {
    if (!file.endsWith('.js')) continue;
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const m = /^(\w+)\.attributeTypeMap = (\[[\s\S]*?\n\]);/m.exec(text);
    if (!m) continue;
    const attrs = new Map();
    for (const a of JSON.parse(m[2])) attrs.set(a.baseName, { type: a.type, format: a.format });
    classes.set(m[1], attrs);
  }
  return classes;
}

function modelOf(typeText) {
  const t = typeText.replace(/^Array<(.*)>$/, '$1').replace(/^\{ \[key: string\]: (.*); \}$/, '$1');
  return /^[A-Z]\w*$/.test(t) ? t : undefined;
}

function rootCandidates(apiVersion, kind) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['core', apiVersion];
  const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
  const v = cap(version);
  return [`${v}${kind}`, `${cap(group.split('.')[0])}${v}${kind}`];
}

function refsOf(node) {
  const out = [];
  for (let n = node; n; n = n.i ?? n.a) if (n.r) out.push(n.r);
  return out;
}

/**
 * Walks one version's definitions against client-node's models and records,
 * in `formats` ("def#field" -> format), every non-empty format found.
 */
export function collectFormats(version, classes, formats, matched) {
  const visit = (defName, cls) => {
    const key = `${defName}@${cls}`;
    if (matched.has(key)) return;
    matched.add(key);
    const def = version.defs.get(defName);
    const attrs = classes.get(cls);
    if (!def || !attrs) return;
    for (const [field, prop] of def.props) {
      const attr = attrs.get(field);
      if (!attr) continue;
      if (attr.format && !formats.has(`${defName}#${field}`)) formats.set(`${defName}#${field}`, attr.format);
      const model = modelOf(attr.type);
      const [ref] = refsOf(prop.node);
      if (model && ref) visit(ref, model);
    }
  };
  for (const k of version.kinds) {
    const cls = rootCandidates(k.apiVersion, k.kind).find((c) => classes.has(c));
    if (cls) visit(k.def, cls);
  }
}

/** Applies a client-node format to a converted node (in place). */
export function applyFormat(node, format) {
  let target = node;
  while (target.i ?? target.a) target = target.i ?? target.a;
  if (target.t === 'number') {
    if (format === 'int32' || format === 'int64') {
      target.t = 'integer';
      target.f = format;
    } else if (format === 'double') {
      target.f = 'double';
    }
  } else if (target.t === 'string') {
    if (format === 'byte') target.f = 'byte';
    else if (format === 'date-time' || format === 'date-time-micro') target.f = 'date-time';
  }
}
