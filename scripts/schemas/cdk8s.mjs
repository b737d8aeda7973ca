// Reads one cdk8s-plus-NN package: the jsii type graph of its `k8s` namespace,
// the API descriptions of lib/imports/k8s.d.ts and the GVK of every Kube* class.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Maps each `@schema` tag of k8s.d.ts to the description written above it. */
function readDescriptions(dtsFile) {
  const text = fs.readFileSync(dtsFile, 'utf8');
  const map = new Map();
  for (const m of text.matchAll(/\/\*\*\n([\s\S]*?)\*\//g)) {
    const lines = m[1].split('\n').map((l) => l.replace(/^\s*\* ?/, '').replace(/\s+$/, ''));
    const tag = lines.find((l) => l.startsWith('@schema '));
    if (!tag) continue;
    const end = lines.findIndex((l) => l.startsWith('@'));
    const desc = lines.slice(0, end).join('\n').replace(/\*\\\//g, '*/').replace(/\n{3,}/g, '\n\n').trim();
    if (desc) map.set(tag.slice('@schema '.length).trim(), desc);
  }
  return map;
}

/** Reads the package at `dir` into { defs, kinds, version }. */
export function readCdk8sPlus(dir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const jsii = JSON.parse(fs.readFileSync(path.join(dir, '.jsii'), 'utf8'));
  const descriptions = readDescriptions(path.join(dir, 'lib/imports/k8s.d.ts'));
  const k8sModule = require(path.join(dir, 'lib/imports/k8s.js'));
  const types = jsii.types;
  const prefix = `${pkg.name}.k8s.`;
  const schemaOf = (t) => t?.docs?.custom?.schema;

  const convert = (ty) => {
    if (ty.primitive) {
      switch (ty.primitive) {
        case 'string': return { t: 'string' };
        case 'number': return { t: 'number' };
        case 'boolean': return { t: 'boolean' };
        case 'date': return { t: 'string', f: 'date-time' };
        default: return {};
      }
    }
    if (ty.collection) {
      const inner = convert(ty.collection.elementtype);
      return ty.collection.kind === 'array' ? { t: 'array', i: inner } : { t: 'object', a: inner };
    }
    if (ty.fqn) {
      const target = types[ty.fqn];
      if (!target || !ty.fqn.startsWith(prefix)) throw new Error(`${pkg.name}: unexpected type ${ty.fqn}`);
      if (target.kind === 'enum') return { t: 'string', e: target.members.map((m) => String(m.docs?.custom?.schema ?? m.name)) };
      if (target.name === 'IntOrString') return { t: ['integer', 'string'], f: 'int-or-string' };
      if (target.name === 'Quantity') return { t: ['string', 'number'], f: 'quantity' };
      if (target.kind === 'interface') return { r: schemaOf(target) };
      throw new Error(`${pkg.name}: unsupported class ${ty.fqn}`);
    }
    if (ty.union) return {};
    throw new Error(`${pkg.name}: unsupported type ${JSON.stringify(ty)}`);
  };

  const defs = new Map();
  const kinds = [];
  for (const fqn of Object.keys(types).sort()) {
    const t = types[fqn];
    if (!fqn.startsWith(prefix) || t.namespace !== 'k8s') continue;
    const name = schemaOf(t);
    if (t.kind === 'interface' && name) {
      const props = new Map();
      for (const p of t.properties ?? []) {
        const tag = schemaOf(p) ?? `${name}#${p.name}`;
        const field = tag.slice(tag.indexOf('#') + 1);
        props.set(field, { node: convert(p.type), required: !p.optional, description: descriptions.get(tag) });
      }
      defs.set(name, { description: descriptions.get(name), props });
    } else if (t.kind === 'class' && name && k8sModule[t.name]?.GVK) {
      const { apiVersion, kind } = k8sModule[t.name].GVK;
      kinds.push({ apiVersion, kind, def: name });
    }
  }
  kinds.sort((a, b) => (a.apiVersion + '/' + a.kind < b.apiVersion + '/' + b.kind ? -1 : 1));
  return { name: pkg.name, version: pkg.version, defs, kinds };
}
