import { isScalar, type Node, type Scalar } from 'yaml';
import { scalarText, type Anchors } from '../../../model/nodes';
import { items } from '../../helpers';
import type { Target } from '../../types';

/** A variable reference in a string: `$(NAME)` (Kubernetes syntax) or `${NAME}` (shell syntax). */
export interface VarRef {
  kind: 'parens' | 'braces';
  name: string;
  /** The reference as written, e.g. `${HOME}`. */
  raw: string;
}

const BRACES = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(?:[:?+=#%/^,-][^}]*)?\}/;

/**
 * The references in a string as Kubernetes reads it: `$$` is an escaped `$`, `$(NAME)` is a
 * reference, and `${NAME}` is not expanded (reported as a `braces` reference).
 */
export function scanReferences(text: string): VarRef[] {
  const out: VarRef[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    if (text[i] !== '$') continue;
    const next = text[i + 1];
    if (next === '(') {
      const close = text.indexOf(')', i + 2);
      if (close !== -1) {
        out.push({ kind: 'parens', name: text.slice(i + 2, close), raw: text.slice(i, close + 1) });
        i = close;
        continue;
      }
    } else if (next === '{') {
      const m = BRACES.exec(text.slice(i));
      if (m) out.push({ kind: 'braces', name: m[1], raw: m[0] });
    }
    i++;
  }
  return out;
}

/** Names Kubernetes accepts for environment variables (the classic rule), i.e. a plausible reference rather than a shell command. */
export function isVarName(name: string): boolean {
  return /^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name);
}

/** Variables the kubelet adds for Services (`FOO_SERVICE_HOST`, `FOO_PORT_80_TCP`, ...), which `$(...)` may use. */
export function isServiceVar(name: string): boolean {
  return /^[A-Z0-9_]+_(SERVICE_HOST|SERVICE_PORT(_[A-Z0-9_]+)?|PORT(_\d+_(TCP|UDP|SCTP)(_(PROTO|PORT|ADDR))?)?)$/.test(name);
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh']);
const C_FLAG = /^-[A-Za-z]{0,4}c[A-Za-z]{0,4}$/;

/**
 * Indexes of the elements of an argv that a shell runs as a script (`sh -c <script>`, `bash -ec <script>`,
 * `/bin/bash -o pipefail -c <script>`, also behind wrappers such as `tini --`). When `leadingFlags` is set
 * (args without command: the image's entrypoint is unknown), an argv starting with `-c` counts as a shell's.
 */
export function shellScripts(argv: readonly (string | undefined)[], leadingFlags: boolean): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const shell = a !== undefined && SHELLS.has(a.slice(a.lastIndexOf('/') + 1));
    if (!shell && !(i === 0 && leadingFlags)) continue;
    let j = shell ? i + 1 : i;
    let sawC = false;
    while (j < argv.length) {
      const f = argv[j];
      if (f === undefined || !/^[-+]/.test(f)) break;
      j++;
      if (f === '--') break;
      if (/^[-+][oO]$/.test(f)) j++;
      else if (C_FLAG.test(f)) sawC = true;
    }
    if (sawC && j < argv.length) out.add(j);
  }
  return out;
}

/** An argv element: its scalar node and text. */
export interface ArgvItem {
  node: Node;
  text: string | undefined;
}

/** The elements of a command/args sequence. */
export function argvOf(seq: Node | undefined, anchors: Anchors): ArgvItem[] {
  return items(seq, anchors).map((node) => ({ node, text: isScalar(node) && typeof node.value === 'string' ? node.value : scalarText(node) }));
}

/** Where a reference inside a scalar is reported: the reference itself when found in the source, else the scalar. */
export function refTarget(text: string, node: Node, raw: string, occurrence: number): Target {
  const r = (node as Scalar).range;
  if (!r) return node;
  const src = text.slice(r[0], r[1]);
  let at = -1;
  for (let k = 0; k <= occurrence; k++) {
    at = src.indexOf(raw, at + 1);
    if (at === -1) return node;
  }
  return [r[0] + at, r[0] + at + raw.length];
}
