import { Random } from '../helpers/randomEdits';

/** A seeded pseudo-random generator (the shared mulberry32): the same seed gives the same sequence. */
export function prng(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}

/** The seed of case `index` of a run seeded `seed`, so any case can be replayed alone. */
export function caseSeed(seed: number, index: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ index, 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Text that means something to YAML, Helm or the rules, spliced in by the insert mutation. */
const SPLICES = [':', ': ', '- ', '{', '}', '[', ']', ',', '&a ', '*a', '<<: *a', '---\n', '...\n', "'", '"', '#', '\t', '\r\n', '\0', '\ufffd', '{{ .Values.x }}', '${VAR}', '$(VAR)', '? ', '|', '>-', '!!str ', '0755', 'on', '~', ' ', '\n', 'é', '𝑥'];

/** Names of the mutations, for reports. */
export type MutationName = 'delete-line' | 'duplicate-line' | 'swap-lines' | 'delete-char' | 'duplicate-char' | 'swap-chars' | 'indent' | 'dedent' | 'truncate' | 'insert';

type Mutation = (text: string, r: () => number) => string;

const pick = (r: () => number, n: number) => Math.floor(r() * n);

function lines(text: string): string[] {
  return text.split('\n');
}

const MUTATIONS: Record<MutationName, Mutation> = {
  'delete-line': (t, r) => {
    const l = lines(t);
    l.splice(pick(r, l.length), 1);
    return l.join('\n');
  },
  'duplicate-line': (t, r) => {
    const l = lines(t);
    const i = pick(r, l.length);
    l.splice(i, 0, l[i]);
    return l.join('\n');
  },
  'swap-lines': (t, r) => {
    const l = lines(t);
    const i = pick(r, l.length);
    const j = Math.min(l.length - 1, i + 1 + pick(r, 3));
    [l[i], l[j]] = [l[j], l[i]];
    return l.join('\n');
  },
  'delete-char': (t, r) => {
    const i = pick(r, t.length);
    return t.slice(0, i) + t.slice(i + 1 + pick(r, 3));
  },
  'duplicate-char': (t, r) => {
    const i = pick(r, t.length);
    return t.slice(0, i + 1) + t.slice(i, i + 1 + pick(r, 4)) + t.slice(i + 1);
  },
  'swap-chars': (t, r) => {
    const i = pick(r, Math.max(1, t.length - 1));
    return t.slice(0, i) + t.charAt(i + 1) + t.charAt(i) + t.slice(i + 2);
  },
  indent: (t, r) => {
    const l = lines(t);
    const i = pick(r, l.length);
    const n = 1 + pick(r, Math.min(6, l.length - i));
    for (let k = i; k < i + n && k < l.length; k++) l[k] = ' '.repeat(1 + pick(r, 4)) + l[k];
    return l.join('\n');
  },
  dedent: (t, r) => {
    const l = lines(t);
    const i = pick(r, l.length);
    l[i] = l[i].replace(/^ {1,4}/, '');
    return l.join('\n');
  },
  truncate: (t, r) => t.slice(0, pick(r, t.length + 1)),
  insert: (t, r) => {
    const i = pick(r, t.length + 1);
    return t.slice(0, i) + SPLICES[pick(r, SPLICES.length)] + t.slice(i);
  },
};

const NAMES = Object.keys(MUTATIONS) as MutationName[];

/** Applies one to six random mutations; returns the text and what was done. */
export function mutate(text: string, r: () => number): { text: string; applied: MutationName[] } {
  const applied: MutationName[] = [];
  let out = text;
  for (let n = 1 + pick(r, 6); n > 0; n--) {
    const name = NAMES[pick(r, NAMES.length)];
    out = MUTATIONS[name](out, r);
    applied.push(name);
  }
  return { text: out, applied };
}
