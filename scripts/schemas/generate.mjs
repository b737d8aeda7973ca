// Generates schemas/generated/ from npm packages (devDependencies):
//   cdk8s-plus-26 … cdk8s-plus-34   one Kubernetes minor each: type graph, descriptions, GVKs
//   @kubernetes/client-node          integer / byte / date-time formats
//   kubernetes-models                enum value sets, status descriptions
//   @kubernetes-models/{autoscaler,keda,prometheus-operator}   CRD schemas
// Usage: node scripts/schemas/generate.mjs [outDir]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { readCdk8sPlus } from './cdk8s.mjs';
import { readClientNodeModels, collectFormats, applyFormat } from './formats.mjs';
import { readKubernetesModels, valuesNamedIn } from './enums.mjs';
import { readCrds } from './crds.mjs';
import { squash } from './dts.mjs';
import { pack } from './pack.mjs';

const started = process.hrtime.bigint();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const nm = path.join(root, 'node_modules');
const outDir = path.resolve(process.argv[2] ?? path.join(root, 'schemas/generated'));
const MINORS = [26, 27, 28, 29, 30, 31, 32, 33, 34];
const CRD_ROOTS = [
  ['@kubernetes-models/autoscaler', 'autoscaling.k8s.io/v1/VerticalPodAutoscaler'],
  ['@kubernetes-models/keda', 'keda.sh/v1alpha1/ScaledObject'],
  ['@kubernetes-models/keda', 'keda.sh/v1alpha1/TriggerAuthentication'],
  ['@kubernetes-models/prometheus-operator', 'monitoring.coreos.com/v1/PrometheusRule'],
];
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';

const pkgVersion = (name) => JSON.parse(fs.readFileSync(path.join(nm, name, 'package.json'), 'utf8')).version;

const versions = MINORS.map((minor) => {
  const v = readCdk8sPlus(path.join(nm, `cdk8s-plus-${minor}`));
  return { minor, source: `${v.name}@${v.version}`, defs: v.defs, kinds: v.kinds };
});

const k8sNames = new Map();
for (const v of versions) for (const name of v.defs.keys()) k8sNames.set(squash(name), name);

const classes = readClientNodeModels(path.join(nm, '@kubernetes/client-node'));
const formats = new Map();
for (const v of versions) collectFormats(v, classes, formats, new Set());

const models = readKubernetesModels(path.join(nm, 'kubernetes-models'));

const crds = readCrds(
  CRD_ROOTS.map(([pkg, rel]) => ({ file: path.join(nm, pkg, `${rel}.d.ts`), kind: rel.split('/').pop() })),
  k8sNames,
);

const stats = { formats: 0, enums: 0, enumValuesDropped: 0, numbersWithoutFormat: 0 };

const latestDescription = new Map();
for (const v of versions) {
  for (const [defName, def] of v.defs) for (const [field, prop] of def.props) latestDescription.set(`${defName}#${field}`, prop.description);
}

for (const v of versions) {
  for (const [defName, def] of v.defs) {
    const modelFields = models.get(squash(defName));
    for (const [field, prop] of def.props) {
      const format = formats.get(`${defName}#${field}`);
      if (format) {
        applyFormat(prop.node, format);
        stats.formats++;
      }
      let leaf = prop.node;
      while (leaf.i ?? leaf.a) leaf = leaf.i ?? leaf.a;
      if (leaf.t === 'number' && !leaf.f) stats.numbersWithoutFormat++;
      const known = modelFields?.get(field)?.enum;
      if (known && leaf.t === 'string' && !leaf.e) {
        const later = new Set(valuesNamedIn(latestDescription.get(`${defName}#${field}`), known.values));
        const here = new Set(valuesNamedIn(prop.description, known.values));
        const values = here.size === 0 ? known.values : known.values.filter((value) => !later.has(value) || here.has(value));
        if (values.length < known.values.length) stats.enumValuesDropped += known.values.length - values.length;
        if (values.length) {
          leaf.e = values;
          stats.enums++;
        }
      }
    }
  }
  const deleteOptions = v.defs.get(`${META}.DeleteOptions`);
  const byDef = new Map();
  for (const k of v.kinds) {
    const entry = byDef.get(k.def) ?? { apiVersions: new Set(), kinds: new Set() };
    entry.apiVersions.add(k.apiVersion);
    entry.kinds.add(k.kind);
    byDef.set(k.def, entry);
  }
  for (const [defName, entry] of byDef) {
    const def = v.defs.get(defName);
    const typed = new Map();
    typed.set('apiVersion', { node: { t: 'string', e: [...entry.apiVersions].sort() }, required: false, description: deleteOptions?.props.get('apiVersion')?.description });
    typed.set('kind', { node: { t: 'string', e: [...entry.kinds].sort() }, required: false, description: deleteOptions?.props.get('kind')?.description });
    for (const [k, p] of def.props) if (k !== 'apiVersion' && k !== 'kind') typed.set(k, p);
    const modelFields = models.get(squash(defName));
    if (!typed.has('status') && (!modelFields || modelFields.has('status'))) {
      typed.set('status', { node: { t: 'object' }, required: false, description: modelFields?.get('status')?.description });
    }
    def.props = typed;
  }
  for (const [name, def] of crds.defs) v.defs.set(name, def);
  v.kinds = [...v.kinds, ...crds.kinds];
  const missing = new Set();
  for (const def of v.defs.values()) {
    for (const p of def.props.values()) {
      for (let n = p.node; n; n = n.i ?? n.a) if (n.r && !v.defs.has(n.r)) missing.add(n.r);
    }
  }
  if (missing.size) throw new Error(`1.${v.minor}: unresolved definitions ${[...missing].join(', ')}`);
}

const { shared, perVersion } = pack(versions);

fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
const written = [];
const write = (file, value) => {
  const text = JSON.stringify(value);
  fs.writeFileSync(path.join(outDir, file), text);
  written.push({ file, raw: Buffer.byteLength(text), gzip: zlib.gzipSync(text, { level: 9 }).length });
};

const index = {
  format: 2,
  minors: MINORS,
  shared: 'shared.json',
  descriptions: 'descriptions.json',
  versions: Object.fromEntries(perVersion.map((v) => [String(v.minor), `k8s-1.${v.minor}.json`])),
  sources: {
    kubernetes: Object.fromEntries(perVersion.map((v) => [String(v.minor), v.source])),
    formats: `@kubernetes/client-node@${pkgVersion('@kubernetes/client-node')}`,
    enums: `kubernetes-models@${pkgVersion('kubernetes-models')}`,
    crds: [...new Set(CRD_ROOTS.map(([p]) => `${p}@${pkgVersion(p)}`))],
  },
};
write('index.json', index);
const { strings, ...pool } = shared;
write('shared.json', pool);
write('descriptions.json', strings);
for (const v of perVersion) write(index.versions[String(v.minor)], v);

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
for (const w of written) console.log(`${w.file.padEnd(16)} ${kb(w.raw).padStart(11)} raw ${kb(w.gzip).padStart(10)} gzip`);
const total = written.reduce((s, w) => ({ raw: s.raw + w.raw, gzip: s.gzip + w.gzip }), { raw: 0, gzip: 0 });
console.log(`${'total'.padEnd(16)} ${kb(total.raw).padStart(11)} raw ${kb(total.gzip).padStart(10)} gzip`);
console.log(
  `pool: ${shared.names.length} names, ${shared.strings.length} descriptions, ${shared.fields.length} fields, ${shared.defs.length} definitions; ` +
    `formats applied ${stats.formats}, enums ${stats.enums} (values dropped for older minors: ${stats.enumValuesDropped}), numbers without format ${stats.numbersWithoutFormat}`,
);
console.log(`wrote ${outDir} in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(2)} s`);
