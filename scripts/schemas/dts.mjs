// Reads the declaration files (.d.ts) that kubernetes-models packages ship:
// interfaces, type aliases, imports and the exported canonical alias names.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ts = require('typescript');

const cache = new Map();

/** Text of the JSDoc comment attached to a node, or undefined. */
function jsDocText(node) {
  const docs = ts.getJSDocCommentsAndTags(node).filter((d) => ts.isJSDoc(d));
  if (docs.length === 0) return undefined;
  const comment = docs[docs.length - 1].comment;
  const text = typeof comment === 'string' ? comment : ts.getTextOfJSDocComment(comment);
  return text && text.trim() ? text.trim() : undefined;
}

function memberName(name) {
  if (ts.isStringLiteral(name) || ts.isIdentifier(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

/** Parses one .d.ts file into interfaces, type aliases, imports and canonical aliases. */
export function parseDts(file) {
  const hit = cache.get(file);
  if (hit) return hit;
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const result = { file, source, interfaces: new Map(), aliases: new Map(), imports: new Map(), canonical: new Map() };
  for (const stmt of source.statements) {
    if (ts.isInterfaceDeclaration(stmt)) {
      const props = [];
      for (const m of stmt.members) {
        if (!ts.isPropertySignature(m) || !m.type) continue;
        const name = memberName(m.name);
        if (name === undefined) continue;
        props.push({ name, optional: Boolean(m.questionToken), type: m.type, description: jsDocText(m) });
      }
      result.interfaces.set(stmt.name.text, { description: jsDocText(stmt), props });
    } else if (ts.isTypeAliasDeclaration(stmt)) {
      result.aliases.set(stmt.name.text, { type: stmt.type, description: jsDocText(stmt) });
    } else if (ts.isImportDeclaration(stmt) && stmt.importClause?.namedBindings && ts.isNamedImports(stmt.importClause.namedBindings)) {
      const spec = stmt.moduleSpecifier.text;
      for (const el of stmt.importClause.namedBindings.elements) {
        result.imports.set(el.name.text, { spec, name: (el.propertyName ?? el.name).text });
      }
    } else if (ts.isExportDeclaration(stmt) && stmt.exportClause && ts.isNamedExports(stmt.exportClause) && !stmt.moduleSpecifier) {
      for (const el of stmt.exportClause.elements) {
        if (el.propertyName) result.canonical.set(el.propertyName.text, el.name.text);
      }
    }
  }
  cache.set(file, result);
  return result;
}

/** Resolves an import specifier of `fromFile` to a .d.ts path. */
export function resolveImport(fromFile, spec) {
  if (spec.startsWith('.')) {
    const base = path.resolve(path.dirname(fromFile), spec.replace(/\.js$/, ''));
    for (const c of [`${base}.d.ts`, path.join(base, 'index.d.ts')]) if (fs.existsSync(c)) return c;
    return undefined;
  }
  let dir = path.dirname(fromFile);
  for (;;) {
    const base = path.join(dir, 'node_modules', spec.replace(/\.js$/, ''));
    for (const c of [`${base}.d.ts`, path.join(base, 'index.d.ts')]) if (fs.existsSync(c)) return c;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Lists every .d.ts file below `dir`, sorted, skipping nested node_modules. */
export function listDts(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name === 'node_modules' || e.name === '_schemas') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.d.ts')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** String literal values of a union (or single literal) type node, or undefined if it is not one. */
export function literalUnion(type) {
  const parts = ts.isUnionTypeNode(type) ? type.types : [type];
  const values = [];
  for (const p of parts) {
    if (!ts.isLiteralTypeNode(p) || !ts.isStringLiteral(p.literal)) return undefined;
    values.push(p.literal.text);
  }
  return values;
}

/** Lower-cased letters and digits only: the key used to match names spelled differently. */
export function squash(name) {
  return name.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}

export { ts };
