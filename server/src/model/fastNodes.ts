import { Pair, Scalar, YAMLMap, YAMLSeq, type Schema } from 'yaml';

const NODE_TYPE = Symbol.for('yaml.node.type');

function typed<T extends object>(proto: T, type: string, extra: PropertyDescriptorMap = {}): T {
  return Object.create(proto, { [NODE_TYPE]: { value: Symbol.for(type) }, ...extra }) as T;
}

const SCALAR_PROTO = typed(Scalar.prototype, 'yaml.scalar');
const PAIR_PROTO = typed(Pair.prototype, 'yaml.pair');

/**
 * Builds the `yaml` library's node classes for one document without their constructors, which define the
 * node-type symbol (and a collection's schema) on every instance: here they are inherited from a prototype
 * made once, so `isScalar`, `instanceof`, `clone` and `toJS` see the same nodes the composer makes.
 */
export class NodeFactory {
  private readonly mapProto: YAMLMap;
  private readonly seqProto: YAMLSeq;

  constructor(schema: Schema) {
    const schemaProp = { schema: { value: schema, writable: true, configurable: true } };
    this.mapProto = typed(YAMLMap.prototype, 'yaml.map', schemaProp);
    this.seqProto = typed(YAMLSeq.prototype, 'yaml.seq', schemaProp);
  }

  scalar(value: unknown): Scalar {
    const s = Object.create(SCALAR_PROTO) as Scalar;
    s.value = value;
    return s;
  }

  pair(key: unknown, value: unknown): Pair {
    const p = Object.create(PAIR_PROTO) as Pair;
    p.key = key;
    p.value = value;
    return p;
  }

  map(items: Pair[] = []): YAMLMap {
    const m = Object.create(this.mapProto) as YAMLMap;
    m.items = items;
    return m;
  }

  seq(items: unknown[] = []): YAMLSeq {
    const s = Object.create(this.seqProto) as YAMLSeq;
    s.items = items;
    return s;
  }
}
