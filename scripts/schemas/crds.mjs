// Custom resource schemas rebuilt from the declaration files of
// @kubernetes-models/* CRD packages (interfaces, optional marks, literal unions, JSDoc).
import path from 'node:path';
import { parseDts, resolveImport, literalUnion, squash, ts } from './dts.mjs';

const SPECIAL = new Map([
  ['iok8sapimachinerypkgutilintstrintorstring', { t: ['integer', 'string'], f: 'int-or-string' }],
  ['iok8sapimachinerypkgapiresourcequantity', { t: ['string', 'number'], f: 'quantity' }],
  ['iok8sapimachinerypkgapismetav1time', { t: 'string', f: 'date-time' }],
  ['iok8sapimachinerypkgapismetav1microtime', { t: 'string', f: 'date-time' }],
]);

/**
 * Reads the kinds rooted at `roots` ([{ file, kind }]) into { defs, kinds }.
 * `k8sNames` maps squash(definition) -> Kubernetes definition name, so that
 * references to built-in types point at the per-version definitions.
 */
export function readCrds(roots, k8sNames) {
  const defs = new Map();
  const kinds = [];

  const defNameFor = (file, local) => {
    const group = path.dirname(file).split(path.sep).slice(-2).join('.');
    return `${group}.${local.replace(/^I(?=[A-Z])/, '')}`;
  };

  const lookup = (file, name) => {
    const parsed = parseDts(file);
    if (parsed.interfaces.has(name) || parsed.aliases.has(name)) return { file, local: name, parsed };
    for (const [local, canonical] of parsed.canonical) if (canonical === name) return { file, local, parsed };
    const imp = parsed.imports.get(name);
    if (imp) {
      const target = resolveImport(file, imp.spec);
      if (!target) throw new Error(`cannot resolve ${imp.spec} from ${file}`);
      return lookup(target, imp.name);
    }
    return undefined;
  };

  const convertRef = (file, name) => {
    const found = lookup(file, name);
    if (!found) throw new Error(`unknown type ${name} in ${file}`);
    const canonical = found.parsed.canonical.get(found.local) ?? found.local;
    const key = squash(canonical.replace(/^I(?=[A-Z])/, ''));
    if (SPECIAL.has(key)) return { ...SPECIAL.get(key) };
    if (k8sNames.has(key)) return { r: k8sNames.get(key) };
    const alias = found.parsed.aliases.get(found.local);
    if (alias) return convert(found.file, alias.type, undefined);
    const defName = defNameFor(found.file, found.local);
    if (!defs.has(defName)) {
      const iface = found.parsed.interfaces.get(found.local);
      defs.set(defName, { description: iface.description, props: new Map() });
      fillProps(defName, found.file, iface.props);
    }
    return { r: defName };
  };

  const fillProps = (defName, file, props) => {
    const target = defs.get(defName).props;
    for (const p of props) {
      const node = p.name === 'status' ? { t: 'object' } : convert(file, p.type, `${defName}_${p.name}`);
      target.set(p.name, { node, required: !p.optional && p.name !== 'status', description: p.description });
    }
  };

  const convert = (file, type, inlineName) => {
    if (ts.isParenthesizedTypeNode(type)) return convert(file, type.type, inlineName);
    switch (type.kind) {
      case ts.SyntaxKind.StringKeyword: return { t: 'string' };
      case ts.SyntaxKind.NumberKeyword: return { t: 'number' };
      case ts.SyntaxKind.BooleanKeyword: return { t: 'boolean' };
      case ts.SyntaxKind.ObjectKeyword: return { t: 'object' };
      case ts.SyntaxKind.AnyKeyword:
      case ts.SyntaxKind.UnknownKeyword: return {};
      default: break;
    }
    const literals = literalUnion(type);
    if (literals) return { t: 'string', e: literals };
    if (ts.isUnionTypeNode(type)) {
      const kinds = new Set(type.types.map((t) => t.kind));
      if (kinds.size === 2 && kinds.has(ts.SyntaxKind.NumberKeyword) && kinds.has(ts.SyntaxKind.StringKeyword)) {
        return { t: ['integer', 'string'], f: 'int-or-string' };
      }
      return {};
    }
    if (ts.isArrayTypeNode(type)) return { t: 'array', i: convert(file, type.elementType, inlineName) };
    if (ts.isTypeReferenceNode(type)) {
      const name = type.typeName.getText();
      if (name === 'Array' && type.typeArguments?.length === 1) return { t: 'array', i: convert(file, type.typeArguments[0], inlineName) };
      if (name === 'Record' && type.typeArguments?.length === 2) return { t: 'object', a: convert(file, type.typeArguments[1], inlineName) };
      return convertRef(file, name);
    }
    if (ts.isTypeLiteralNode(type)) {
      const index = type.members.find((m) => ts.isIndexSignatureDeclaration(m));
      const members = type.members.filter((m) => ts.isPropertySignature(m));
      if (index && members.length === 0) return { t: 'object', a: convert(file, index.type, inlineName) };
      if (members.length === 0) return { t: 'object' };
      if (!defs.has(inlineName)) {
        defs.set(inlineName, { description: undefined, props: new Map() });
        const props = members.map((m) => ({ name: m.name.text, optional: Boolean(m.questionToken), type: m.type, description: undefined }));
        fillProps(inlineName, file, props);
      }
      return { r: inlineName };
    }
    throw new Error(`unsupported type ${ts.SyntaxKind[type.kind]} in ${file}`);
  };

  for (const root of roots) {
    const parsed = parseDts(root.file);
    for (const [local, iface] of parsed.interfaces) {
      const api = iface.props.find((p) => p.name === 'apiVersion');
      const kind = iface.props.find((p) => p.name === 'kind');
      const apiValues = api && literalUnion(api.type);
      const kindValues = kind && literalUnion(kind.type);
      if (!apiValues || !kindValues || kindValues[0] !== root.kind) continue;
      const defName = defNameFor(root.file, local);
      defs.set(defName, { description: iface.description, props: new Map() });
      fillProps(defName, root.file, iface.props);
      kinds.push({ apiVersion: apiValues[0], kind: kindValues[0], def: defName });
    }
  }
  return { defs, kinds };
}
