/** Hostile and odd inputs, generated in memory (nothing large is committed). */

/** A small production-looking Deployment, `i` in its name. */
export function deployment(i: number): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: web-${i}`,
    'spec:',
    '  replicas: 2',
    '  selector:',
    '    matchLabels: {app: web}',
    '  template:',
    '    metadata:',
    '      labels: {app: web}',
    '    spec:',
    '      containers:',
    '      - name: web',
    '        image: nginx:1.27',
    '',
  ].join('\n');
}

/** Nine levels of nine-fold aliases: 9^9 strings if anything expanded them. */
export function aliasBomb(): string {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: lol', 'data:', '  a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) lines.push(`  a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
  lines.push('  bomb: *a9');
  return lines.join('\n') + '\n';
}

/** `depth` nested flow sequences. */
export const deepFlowSeq = (depth: number): string => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n  x: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;

/** `depth` nested flow mappings. */
export const deepFlowMap = (depth: number): string => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\nspec: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`;

/** `depth` nested block sequences in compact form (`- - - x`), all on one line. */
export const deepCompactSeq = (depth: number): string => `${'- '.repeat(depth)}x\n`;

/** `depth` nested block mappings, one space of indentation per level (quadratic size: large). */
export function deepBlockMap(depth: number): string {
  const parts: string[] = [];
  for (let i = 0; i < depth; i++) parts.push(`${' '.repeat(i)}k:\n`);
  return parts.join('');
}

/** Deployments separated by `---` until the text reaches `bytes`. */
export function manyDeployments(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const d = `---\n${deployment(i)}`;
    parts.push(d);
    size += d.length;
  }
  return parts.join('');
}

/** A ConfigMap of one document with `lines` lines. */
export function longDocument(lines: number): string {
  const parts = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: long', 'data:'];
  while (parts.length < lines) parts.push(`  k${parts.length}: v${parts.length}`);
  return parts.join('\n') + '\n';
}

/** `count` small documents in one file, two lines each. */
export function manyDocuments(count: number): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(`---\n{apiVersion: v1, kind: ConfigMap, metadata: {name: c${i}}, data: {k: v}}\n`);
  return parts.join('');
}

/** A ConfigMap whose `data` is one flow mapping on a single line of about `bytes` characters. */
export function singleLineFlowMap(bytes: number): string {
  const pairs: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = `k${i}: v${i}`;
    pairs.push(p);
    size += p.length + 2;
  }
  return `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: flow}\ndata: {${pairs.join(', ')}}\n`;
}

/** Keys and values of `size` characters: plain (over YAML's 1024-character implicit key), quoted, and a name. */
export function hugeKeysAndValues(size: number): string {
  const k = 'k'.repeat(size);
  return [
    `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  "${k}": ${'v'.repeat(size)}\n  small: "${'q'.repeat(size)}"\n`,
    `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\ndata:\n  ${k}: x\n`,
    `---\n${deployment(0).replace('name: web-0', `name: ${'n'.repeat(size)}`)}`,
  ].join('');
}

/** `<<` merge keys whose aliases point back at the mapping they merge into or at each other, and self-containing collections. */
export function mergeCycles(): string {
  return [
    '---',
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata: &m',
    '  name: cyc',
    '  <<: *m',
    'data: &d',
    '  <<: [*d, *m]',
    '  k: v',
    '---',
    'a: &a {b: &b {<<: *a}, <<: *b}',
    'c: &c [*c, *a]',
    '---',
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: merge}',
    'spec: &s',
    '  <<: *s',
    '  selector: &sel {matchLabels: {app: *sel}}',
    '  loop: &r [*r, *r, *r, {<<: *s}]',
    '  template: &t',
    '    <<: *t',
    '    spec:',
    '      containers:',
    '      - &c1',
    '        <<: *c1',
    '        name: c',
    '        image: nginx',
    '',
  ].join('\n');
}

/** YAML 1.1 scalars Kubernetes reads as booleans and octals. */
export const yaml11 = [
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: legacy',
  'flags:',
  '  a: on',
  '  b: no',
  '  c: yes',
  '  d: off',
  '  mode: 0755',
  '',
].join('\n');

/** A Pod volume whose `defaultMode` is a YAML 1.1 octal. */
export const octalMode = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata: {name: octal}',
  'spec:',
  '  containers:',
  '  - name: c',
  '    image: nginx:1.27',
  '  volumes:',
  '  - name: v',
  '    configMap:',
  '      name: cm',
  '      defaultMode: 0755',
  '',
].join('\n');

/** The same key twice, at the top and nested. */
export const duplicateKeys = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dup\n  name: dup2\ndata:\n  k: 1\n  k: 2\nkind: Secret\n';

/** A `kind: List` of `count` small ConfigMaps. */
export function bigList(count: number): string {
  const parts = ['apiVersion: v1', 'kind: List', 'items:'];
  for (let i = 0; i < count; i++) parts.push('- apiVersion: v1', '  kind: ConfigMap', `  metadata: {name: c${i}}`);
  return parts.join('\n') + '\n';
}

/** A seeded xorshift byte stream: `length` bytes of binary noise. */
export function binaryBytes(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** A manifest with Latin-1 bytes and truncated UTF-8 sequences in it. */
export function invalidUtf8(): Uint8Array {
  const head = Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: caf', 'utf8');
  return Buffer.concat([head, Buffer.from([0xe9, 0x0a]), Buffer.from('data:\n  k: "', 'utf8'), Buffer.from([0xe4, 0xb8, 0x22, 0x0a, 0xc0, 0xaf, 0xff, 0x0a])]);
}

/** A manifest in UTF-16 with a byte-order mark, little- or big-endian. */
export function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  if (endian === 'le') return le;
  const be = Buffer.alloc(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) {
    be[i] = le[i + 1];
    be[i + 1] = le[i];
  }
  return be;
}

/** NUL characters in keys, values, comments and between documents. */
export const nulBytes = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: n\0ul\ndata:\n  "k\0": v\0\n  # \0 comment\n\0\n---\n\0\0\0\n`;
