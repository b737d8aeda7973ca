import { Document, isMap, isPair, isScalar, isSeq, type DocumentOptions, type Node, type Pair, type ParseOptions, type SchemaOptions, type Scalar } from 'yaml';
import { LineScanner } from './fastLines';
import { NodeFactory, rangeAt, setRange } from './fastNodes';
import { isMergeKey, scalarText } from './nodes';
import { scanFlow } from './fastFlow';
import { DECLINE, decline, keyName, makeScalar, scanBlock, scanQuoted, type ScalarContext, type ScannedScalar } from './fastScalars';
import { isBlankOrComment, isIndicator, isSeparator, isSeqItem, lineAfter } from './fastText';

/** Deepest nesting the fast parser follows; deeper documents go to the full parser. */
const MAX_NESTING = 200;
/** YAML's limit on an implicit key's length. */
const MAX_KEY = 1000;

type Options = ParseOptions & DocumentOptions & SchemaOptions;

/** A document the fast parser took, with what it learnt on the way. */
export interface FastParse {
  ast: Document.Parsed;
  /** True when some mapping repeats a key; false proves there is no duplicate key to report. */
  repeatsKeys: boolean;
}

/**
 * One node factory per options object: its collections share one prototype (and the schema of the first
 * document parsed with those options, which every later one equals), so code reading nodes of many
 * documents sees one shape per node class instead of one per document.
 */
const factories = new WeakMap<Options, NodeFactory>();

/**
 * Parses the block-style YAML that Kubernetes manifests are written in (block mappings and sequences,
 * single-line plain and quoted scalars, literal and folded block scalars, single-line flow collections of
 * scalars, comments) straight into the `yaml` library's nodes, with the ranges, values and types its own
 * composer gives. Anything else (anchors, aliases, tags, directives, multi-line flow or plain scalars,
 * tabs, CRLF, errors, and `<<` keys) returns undefined and is left to `parseDocument`; a test keeps the two
 * equal. Documents it takes hold no anchors, aliases or merge keys.
 */
export function fastParse(text: string, options: Options): FastParse | undefined {
  if (text.includes('\t') || text.includes('\r') || text.includes('\uFEFF')) return undefined;
  let nodes = factories.get(options);
  if (!nodes) factories.set(options, (nodes = new NodeFactory(options)));
  const ast = nodes.document();
  try {
    const parser = new FastParser(text, ast, nodes);
    parser.parse();
    return { ast, repeatsKeys: parser.repeatsKeys };
  } catch (e) {
    if (e === DECLINE || e instanceof RangeError) return undefined;
    throw e;
  }
}

/** True when the document's last node is an empty value, which the composer ends before its line break. */
function endsEmpty(node: unknown): boolean {
  let n = node;
  while (isMap(n) || isSeq(n)) {
    const last: unknown = n.items[n.items.length - 1];
    n = isPair(last) ? last.value : last;
  }
  return isScalar(n) && n.source === '' && rangeAt(n, 0) === rangeAt(n, 2);
}

/** Up to this many keys, a mapping looks for a repeated key in a list; past it, in a set. */
const SMALL_MAP = 16;

/**
 * The parser's methods return the node they read and leave in `next` the start of the line after it, and a
 * plain scalar's lines are read into fields, so that building a tree allocates nothing but its nodes.
 */
class FastParser extends LineScanner {
  private depth = 0;
  /** The start of the line after the node the last method read. */
  private next = 0;
  /** Items of the collections being read, innermost last: each takes its own off the top when it ends. */
  private readonly pending: unknown[] = [];
  /** Keys of the mappings being read, innermost last, for the repeated-key check of mappings up to SMALL_MAP keys. */
  private readonly names: string[] = [];

  /** True once some mapping repeated a key. */
  repeatsKeys = false;
  private readonly ctx: ScalarContext;

  constructor(
    text: string,
    private readonly doc: Document.Parsed,
    nodes: NodeFactory,
  ) {
    super(text);
    this.ctx = { schema: doc.schema, options: doc.options, nodes };
  }

  parse(): void {
    const { text, doc } = this;
    let p = 0;
    let start = -1;
    while (p < text.length) {
      const first = text.charCodeAt(p);
      if (first === 37) decline();
      if (text.startsWith('---', p)) {
        if (doc.directives.docStart) decline();
        this.trailing(p + 3);
        doc.directives.docStart = true;
        start = p;
      } else if (!isBlankOrComment(text, p)) break;
      p = lineAfter(text, p);
    }
    if (p >= text.length || text.charCodeAt(text.length - 1) === 32) decline();
    const col = this.indentAt(p);
    const root = this.block(p + col, col);
    const after = this.nextContent(this.next);
    if (after < text.length) decline();
    doc.contents = root as Document.Parsed['contents'];
    const end = rangeAt(root, 2);
    doc.range = [start === -1 ? p : start, end, endsEmpty(root) ? end : text.length];
  }

  private block(at: number, col: number): Node {
    if (++this.depth > MAX_NESTING) decline();
    const parsed = isSeqItem(this.text, at) ? this.seq(at, col) : this.keyEnd(at) !== -1 ? this.map(at, col) : decline();
    this.depth--;
    return parsed;
  }

  private map(at: number, col: number): Node {
    const { text, names, pending } = this;
    const base = pending.length;
    const namesBase = names.length;
    let p = at;
    let next: number;
    let seen: Set<string> | undefined;
    for (;;) {
      const colon = this.keyEnd(p);
      if (colon === -1) decline();
      const key = this.key(p, colon);
      if (isMergeKey(key)) decline();
      const name = scalarText(key);
      if (name !== undefined && !this.repeatsKeys) {
        if (seen ? seen.has(name) : names.indexOf(name, namesBase) !== -1) this.repeatsKeys = true;
        else if (seen) seen.add(name);
        else if (names.push(name) - namesBase > SMALL_MAP) seen = new Set(names.slice(namesBase));
      }
      pending.push(this.ctx.nodes.pair(key, this.value(colon + 1, col, 'map')));
      next = this.next;
      const q = this.nextContent(next);
      if (q >= text.length) break;
      const m = this.indentAt(q);
      if (m < col) break;
      if (m > col || isSeqItem(text, q + m)) decline();
      p = q + m;
    }
    names.length = namesBase;
    const map = this.ctx.nodes.map(this.take(base) as Pair[]);
    const end = rangeAt(map.items[map.items.length - 1].value as Node, 2);
    setRange(map, at, end, end);
    this.next = next;
    return map;
  }

  private seq(at: number, col: number): Node {
    const { text, pending } = this;
    const base = pending.length;
    let p = at;
    let next: number;
    for (;;) {
      pending.push(this.value(p + 1, col, 'seq'));
      next = this.next;
      const q = this.nextContent(next);
      if (q >= text.length) break;
      const m = this.indentAt(q);
      if (m < col || (m === col && !isSeqItem(text, q + m))) break;
      if (m > col) decline();
      p = q + m;
    }
    const seq = this.ctx.nodes.seq(this.take(base));
    const end = rangeAt(seq.items[seq.items.length - 1] as Node, 2);
    setRange(seq, at, end, end);
    this.next = next;
    return seq;
  }

  /** The node after a mapping's `:` or a sequence's `-` at `from`, in a collection indented `col`. */
  private value(from: number, col: number, parent: 'map' | 'seq'): Node {
    const { text } = this;
    let q = from;
    while (text.charCodeAt(q) === 32) q++;
    const c = text.charCodeAt(q);
    if (q >= text.length || c === 10 || c === 35) return this.nested(q, col, parent);
    if (parent === 'seq' && (isSeqItem(text, q) || this.keyEnd(q) !== -1)) return this.block(q, q - text.lastIndexOf('\n', q - 1) - 1);
    return this.scalar(q, col);
  }

  /** A scalar, or a flow collection of scalars, starting at `q` in a collection indented `col`. */
  private scalar(q: number, col: number): Node {
    const { text } = this;
    const c = text.charCodeAt(q);
    if (c === 124 || c === 62) {
      const block = scanBlock(text, q, col);
      this.next = block.next;
      return makeScalar(this.ctx, block.value, block.type, q, block.end, block.end, false);
    }
    if (c === 34 || c === 39) return this.endOfLine(scanQuoted(text, q, col)!, q);
    if (c === 91 || c === 123) {
      const node = scanFlow(text, q, this.ctx);
      const next = this.trailing(rangeAt(node, 1));
      setRange(node, rangeAt(node, 0), rangeAt(node, 1), next);
      this.next = next;
      return node;
    }
    if (isIndicator(text, q)) decline();
    this.plainLine(q);
    let value = this.lineValue;
    let end = this.lineEnd;
    let next = lineAfter(text, end);
    while (!this.lineComment) {
      let r = next;
      let blanks = 0;
      for (let m = this.indentAt(r); r + m < text.length && text.charCodeAt(r + m) === 10; m = this.indentAt(r)) {
        r += m + 1;
        blanks++;
      }
      const m = this.indentAt(r);
      if (r + m >= text.length || m <= col) break;
      const c = text.charCodeAt(r + m);
      if (c === 35 || ((c === 45 || c === 63 || c === 58) && isSeparator(text, r + m + 1))) decline();
      this.plainLine(r + m);
      value += blanks ? '\n'.repeat(blanks) : ' ';
      value += this.lineValue;
      end = this.lineEnd;
      next = lineAfter(text, end);
    }
    this.next = next;
    return makeScalar(this.ctx, value, 'PLAIN', q, end, next, false);
  }

  /** The items pending from `base` on, taken off the stack into an array of their own size. */
  private take(base: number): unknown[] {
    const items = this.pending.slice(base);
    this.pending.length = base;
    return items;
  }

  private nested(q: number, col: number, parent: 'map' | 'seq'): Node {
    const { text } = this;
    const next = lineAfter(text, q);
    const r = this.nextContent(next);
    if (r < text.length) {
      const m = this.indentAt(r);
      const at = r + m;
      if ((m === col && parent === 'map' && isSeqItem(text, at)) || (m > col && (isSeqItem(text, at) || this.keyEnd(at) !== -1))) return this.block(at, m);
      if (m > col) return this.scalar(at, col);
    }
    const end = text.charCodeAt(q) === 35 ? this.afterComment(next) : q;
    this.next = next;
    return makeScalar(this.ctx, '', 'PLAIN', q, q, end, false);
  }

  /** Where the composer ends an empty value with a comment: at the next line's content, which must follow at once. */
  private afterComment(next: number): number {
    if (this.nextContent(next) !== next) decline();
    return next + this.indentAt(next);
  }

  private endOfLine(scanned: ScannedScalar, start: number): Node {
    const next = this.trailing(scanned.end);
    this.next = next;
    return makeScalar(this.ctx, scanned.value, scanned.type, start, scanned.end, next, false);
  }

  /** A key that starts at `at` and whose `:` is at `colon`. */
  private key(at: number, colon: number): Scalar {
    const c = this.text.charCodeAt(at);
    if (colon - at > MAX_KEY) decline();
    if (c !== 34 && c !== 39) return makeScalar(this.ctx, keyName(this.text.slice(at, colon)), 'PLAIN', at, colon, colon, true);
    const scanned = scanQuoted(this.text, at) ?? decline();
    if (scanned.end !== colon) decline();
    return makeScalar(this.ctx, scanned.value, scanned.type, at, colon, colon, true);
  }
}
