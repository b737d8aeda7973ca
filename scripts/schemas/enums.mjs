// Enum value sets (string literal unions) and property descriptions from the
// kubernetes-models declaration files, keyed by squashed definition name.
import { parseDts, listDts, literalUnion, squash, ts } from './dts.mjs';

function enumOf(type) {
  if (ts.isTypeReferenceNode(type) && type.typeName.getText() === 'Array' && type.typeArguments?.length === 1) {
    const inner = literalUnion(type.typeArguments[0]);
    return inner ? { values: inner, array: true } : undefined;
  }
  if (ts.isArrayTypeNode(type)) {
    const inner = literalUnion(type.elementType);
    return inner ? { values: inner, array: true } : undefined;
  }
  const values = literalUnion(type);
  return values ? { values, array: false } : undefined;
}

/** squash(definition) -> Map(field -> { enum?: {values, array}, description? }). */
export function readKubernetesModels(pkgDir) {
  const out = new Map();
  for (const file of listDts(pkgDir)) {
    const parsed = parseDts(file);
    for (const [local, iface] of parsed.interfaces) {
      const canonical = parsed.canonical.get(local);
      if (!canonical || !canonical.startsWith('IIoK8s')) continue;
      const fields = new Map();
      for (const p of iface.props) fields.set(p.name, { enum: enumOf(p.type), description: p.description });
      out.set(squash(canonical.slice(1)), fields);
    }
  }
  return out;
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The values of `values` that `description` names as a whole word. */
export function valuesNamedIn(description, values) {
  if (!description) return [];
  return values.filter((v) => v !== '' && new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(v)}(?![A-Za-z0-9])`).test(description));
}
