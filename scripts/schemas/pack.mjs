// Packs per-version definition maps into one shared, deduplicated pool
// (names, descriptions, field nodes, definition bodies) plus small per-version indexes.
//
// Stored node keys: t type, f format, e enum, r definition (index into names),
// i array items, a map values (additionalProperties), d description (index into strings).
// Stored definition: { d?, p: { field: fieldIndex }, q?: required fields }.

class Pool {
  constructor() {
    this.items = [];
    this.index = new Map();
  }
  add(value, key = JSON.stringify(value)) {
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.items.length;
      this.items.push(value);
      this.index.set(key, i);
    }
    return i;
  }
}

/** Packs `versions` ([{ minor, source, defs, kinds }]) into { shared, perVersion }. */
export function pack(versions) {
  const names = new Pool();
  const strings = new Pool();
  const fields = new Pool();
  const bodies = new Pool();

  const encode = (node, description) => {
    const out = {};
    if (node.t !== undefined) out.t = node.t;
    if (node.f !== undefined) out.f = node.f;
    if (node.e !== undefined) out.e = node.e;
    if (node.r !== undefined) out.r = names.add(node.r);
    if (node.i !== undefined) out.i = encode(node.i);
    if (node.a !== undefined) out.a = encode(node.a);
    if (description) out.d = strings.add(description);
    return out;
  };

  const perVersion = [];
  for (const v of versions) {
    const defs = [];
    for (const defName of [...v.defs.keys()].sort()) {
      const def = v.defs.get(defName);
      const body = {};
      if (def.description) body.d = strings.add(def.description);
      body.p = {};
      const required = [];
      for (const [field, prop] of def.props) {
        body.p[field] = fields.add(encode(prop.node, prop.description));
        if (prop.required) required.push(field);
      }
      if (required.length) body.q = required;
      defs.push([names.add(defName), bodies.add(body)]);
    }
    const kinds = v.kinds.map((k) => [k.apiVersion, k.kind, names.add(k.def)]);
    perVersion.push({ minor: v.minor, source: v.source, defs, kinds });
  }
  const shared = { names: names.items, strings: strings.items, fields: fields.items, defs: bodies.items };
  return { shared, perVersion };
}
