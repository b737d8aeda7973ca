import type { PlainResolution } from './fastScalars';
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type DocumentOptions, type Node, type Schema, type SchemaOptions } from 'yaml';

const NODE_TYPE = Symbol.for('yaml.node.type');

function typed<T extends object>(proto: T, type: string, extra: PropertyDescriptorMap = {}): T {
  return Object.create(proto, { [NODE_TYPE]: { value: Symbol.for(type) }, ...extra }) as T;
}

/** The offsets of a node the fast parser made, as three fields: `range` reads them into an array and writes them from one. */
interface RangeFields {
  rangeStart: number;
  rangeValueEnd: number;
  rangeEnd: number;
}

/**
 * `range` on the prototypes of the fast parser's nodes. Each read makes a new array, so a caller changes a range by
 * assigning it (`node.range = r`), never by writing into the array it read.
 */
const RANGE: PropertyDescriptor = {
  configurable: true,
  get(this: RangeFields): [number, number, number] {
    return [this.rangeStart, this.rangeValueEnd, this.rangeEnd];
  },
  set(this: RangeFields, r: [number, number, number]) {
    this.rangeStart = r[0];
    this.rangeValueEnd = r[1];
    this.rangeEnd = r[2];
  },
};

/** A scalar as the fast parser makes it: all its fields set in one constructor, so V8 keeps them inside the object. */
class FastScalar implements RangeFields {
  /** Set on the few scalars that have one (hexadecimal, octal, exponential numbers), so the rest carry no slot for it. */
  declare format?: string;

  constructor(
    public value: unknown,
    public source: string,
    public type: Scalar.Type,
    public rangeStart: number,
    public rangeValueEnd: number,
    public rangeEnd: number,
  ) {}
}
Object.setPrototypeOf(FastScalar.prototype, typed(Scalar.prototype, 'yaml.scalar'));
Object.defineProperty(FastScalar.prototype, 'range', RANGE);

type CollectionClass = new (items: unknown[]) => RangeFields & { items: unknown[] };

/** A class of collections whose instances inherit from `proto` and keep their range as fields, set later by `setRange`. */
function collectionClass(proto: object): CollectionClass {
  class FastCollection implements RangeFields {
    rangeStart = 0;
    rangeValueEnd = 0;
    rangeEnd = 0;
    constructor(public items: unknown[]) {}
  }
  Object.setPrototypeOf(FastCollection.prototype, proto);
  Object.defineProperty(FastCollection.prototype, 'range', RANGE);
  return FastCollection;
}

/** A pair as the fast parser makes it: its two fields set in its constructor, so V8 gives it no spare slots. */
class FastPair {
  constructor(
    public key: unknown,
    public value: unknown,
  ) {}
}
Object.setPrototypeOf(FastPair.prototype, typed(Pair.prototype, 'yaml.pair'));

/**
 * Builds the `yaml` library's node classes for one document without their constructors, which define the
 * node-type symbol (and a collection's schema) on every instance: here they are inherited from a prototype
 * made once, so `isScalar`, `instanceof`, `clone` and `toJS` see the same nodes the composer makes. A node's
 * range is three fields rather than an array of its own (a third of a parsed tree's memory was those arrays).
 */
export class NodeFactory {
  private readonly Map: CollectionClass;
  private readonly Seq: CollectionClass;
  /** An empty document made with the factory's options once: new documents copy its fields and share its schema. */
  private readonly template: Document.Parsed;
  private readonly documentProto = typed(Document.prototype, 'yaml.document');
  /** How short plain texts resolved under the factory's options, kept by `makeScalar` for keys and for values apart. */
  readonly plainResolutions = { key: new Map<string, PlainResolution>(), value: new Map<string, PlainResolution>() };

  constructor(options: DocumentOptions & SchemaOptions) {
    this.template = new Document(undefined, options) as Document.Parsed;
    const schema: Schema = this.template.schema;
    const schemaProp = { schema: { value: schema, writable: true, configurable: true } };
    this.Map = collectionClass(typed(YAMLMap.prototype, 'yaml.map', schemaProp));
    this.Seq = collectionClass(typed(YAMLSeq.prototype, 'yaml.seq', schemaProp));
  }

  /** An empty document as `new Document(undefined, options)` makes it, without setting up a schema again. */
  document(): Document.Parsed {
    const doc = Object.assign(Object.create(this.documentProto) as Document.Parsed, this.template);
    doc.errors = [];
    doc.warnings = [];
    doc.directives = this.template.directives.clone();
    return doc;
  }

  scalar(value: unknown, source: string, type: Scalar.Type, format: string | undefined, start: number, valueEnd: number, end: number): Scalar {
    const scalar = new FastScalar(value, source, type, start, valueEnd, end);
    if (format !== undefined) scalar.format = format;
    return scalar as unknown as Scalar;
  }

  pair(key: unknown, value: unknown): Pair {
    return new FastPair(key, value) as unknown as Pair;
  }

  map(items: Pair[] = []): YAMLMap {
    return new this.Map(items) as unknown as YAMLMap;
  }

  seq(items: unknown[] = []): YAMLSeq {
    return new this.Seq(items) as unknown as YAMLSeq;
  }
}

/** A node's range fields when the fast parser made it; undefined for the `yaml` library's nodes, which hold an array. */
function fieldsOf(node: Node): RangeFields | undefined {
  return (node as unknown as Partial<RangeFields>).rangeEnd === undefined ? undefined : (node as unknown as RangeFields);
}

/** Sets a node's range: the fields of a fast parser's node, else a new array. */
export function setRange(node: Node, start: number, valueEnd: number, end: number): void {
  const f = fieldsOf(node);
  if (!f) node.range = [start, valueEnd, end];
  else {
    f.rangeStart = start;
    f.rangeValueEnd = valueEnd;
    f.rangeEnd = end;
  }
}

/** One offset of a node's range (0 start, 1 value end, 2 end), read without making its array. */
export function rangeAt(node: Node, i: 0 | 1 | 2): number {
  const f = fieldsOf(node);
  if (!f) return node.range![i];
  return i === 0 ? f.rangeStart : i === 1 ? f.rangeValueEnd : f.rangeEnd;
}

/**
 * Moves each offset of a node's range at or after `from` by `delta`, in place: the fields of a fast parser's node,
 * else the node's own array. False when the node ends before `from`, so nothing below it moves either.
 */
export function shiftRange(node: Node, from: number, delta: number): boolean {
  const f = fieldsOf(node);
  if (!f) {
    const r = node.range;
    if (!r) return true;
    if (r[2] < from) return false;
    for (let i = 0; i < 3; i++) if (r[i] >= from) r[i] += delta;
    return true;
  }
  if (f.rangeEnd < from) return false;
  if (f.rangeStart >= from) f.rangeStart += delta;
  if (f.rangeValueEnd >= from) f.rangeValueEnd += delta;
  f.rangeEnd += delta;
  return true;
}

/**
 * A shallow copy of a collection with its own items array, for a path an edit re-parses (so that caches keyed by a
 * collection see a new one): of the same class for the fast parser's nodes (whose range the copy keeps as fields),
 * else through the `yaml` library's constructor.
 */
export function copyCollection<T extends YAMLMap | YAMLSeq>(n: T): T {
  const c = fieldsOf(n) ? (Object.create(Object.getPrototypeOf(n)) as T) : ((n instanceof YAMLMap ? new YAMLMap(n.schema) : new YAMLSeq(n.schema)) as T);
  Object.assign(c, n);
  c.items = n.items.slice();
  return c;
}
