// Build step for the language server and the CLI: `for (const x of xs)` over what the type checker proves
// is an array becomes an indexed loop. V8 runs a cold server's code in its interpreter and baseline tier,
// where each step of a `for…of` calls the array iterator and allocates its result object; those steps were
// a fifth of the bytes allocated while opening a large file. The source keeps the idiomatic loop.
import ts from 'typescript';

/**
 * The edits that turn each eligible `for…of` of `file` into an indexed loop, applied to its text. A loop
 * is eligible when it is not `for await`, declares one `const` or `let` binding, and its expression is an
 * array or a tuple (or a union of them). The result has the same lines as the source: every edit stays on
 * the line it touches, so source maps keep pointing at the right line.
 *
 * `for (const x of EXPR) BODY` becomes
 * `for (let i = 0, a = (EXPR); i < a.length; i++) { const x = a[i]; BODY }`,
 * which reads the length at every step as the array iterator does. A binding pattern `[k, v]` over
 * arrays or tuples becomes `const e = a[i], k = e[0], v = e[1]` when it is plain names.
 *
 * @param {ts.SourceFile} file
 * @param {ts.TypeChecker} checker
 * @returns {{ text: string, rewritten: number }}
 */
export function rewriteArrayLoops(file, checker) {
  /** @type {{ at: number, end: number, text: string, order: number }[]} */
  const edits = [];
  let count = 0;
  const prefix = uniquePrefix(file.text);
  const isArray = (type) => (type.isUnion() ? type.types.every(isArray) : checker.isArrayType(type) || checker.isTupleType(type));
  const visit = (node) => {
    if (ts.isForOfStatement(node) && !node.awaitModifier) {
      const binding = loopBinding(node);
      if (binding && isArray(checker.getTypeAtLocation(node.expression))) {
        const n = count++;
        const [index, array, entry] = [`${prefix}i${n}`, `${prefix}a${n}`, `${prefix}e${n}`];
        const closeParen = node.getChildren(file).find((c) => c.kind === ts.SyntaxKind.CloseParenToken);
        const body = node.statement;
        const element = elementBinding(binding, `${array}[${index}]`, entry, checker, isArray, file);
        edits.push(
          { at: node.getStart(file), end: node.expression.getStart(file), text: `for (let ${index} = 0, ${array} = (`, order: 1 },
          { at: node.expression.getEnd(), end: closeParen.getEnd(), text: `); ${index} < ${array}.length; ${index}++)`, order: 1 },
          { at: body.getStart(file), end: body.getStart(file), text: `{ ${binding.keyword} ${element}; `, order: 0 },
          { at: body.getEnd(), end: body.getEnd(), text: ' }', order: 2 },
        );
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  edits.sort((a, b) => a.at - b.at || a.order - b.order);
  let text = '';
  let from = 0;
  for (const e of edits) {
    text += file.text.slice(from, e.at) + e.text;
    from = e.end;
  }
  return { text: text + file.text.slice(from), rewritten: count };
}

/** The loop's one `const` or `let` declaration, unless its name holds something to evaluate. */
function loopBinding(loop) {
  const list = loop.initializer;
  if (!ts.isVariableDeclarationList(list) || list.declarations.length !== 1) return undefined;
  const keyword = list.flags & ts.NodeFlags.Const ? 'const' : list.flags & ts.NodeFlags.Let ? 'let' : undefined;
  const declaration = list.declarations[0];
  if (!keyword || hasInitializer(declaration.name)) return undefined;
  return { keyword, name: declaration.name };
}

function hasInitializer(name) {
  if (ts.isIdentifier(name)) return false;
  return name.elements.some((e) => !ts.isOmittedExpression(e) && (!!e.initializer || hasInitializer(e.name)));
}

/** `name = item`, or for `[a, b]` over arrays, `entry = item, a = entry[0], b = entry[1]`. */
function elementBinding(binding, item, entry, checker, isArray, file) {
  const { name } = binding;
  const plain = ts.isArrayBindingPattern(name) && name.elements.every((e) => ts.isOmittedExpression(e) || (!e.dotDotDotToken && ts.isIdentifier(e.name)));
  if (!plain || !isArray(checker.getTypeAtLocation(name))) return `${name.getText(file)} = ${item}`;
  const parts = name.elements.flatMap((e, i) => (ts.isOmittedExpression(e) ? [] : [`${e.name.getText(file)} = ${entry}[${i}]`]));
  return [`${entry} = ${item}`, ...parts].join(', ');
}

/** A prefix for generated names that no identifier of the text starts with. */
function uniquePrefix(text) {
  let prefix = '__loop';
  while (text.includes(prefix)) prefix += '_';
  return prefix;
}

/**
 * An esbuild plugin applying {@link rewriteArrayLoops} to the TypeScript files under `root`, type-checked
 * together as the project of `tsconfig`. The program is made once, on the first file loaded, and shared by
 * every build the plugin is given to, so it suits one-off builds, not watch mode.
 *
 * @param {{ root: string, tsconfig: string }} options
 */
export function arrayLoopsPlugin({ root, tsconfig }) {
  let program;
  return {
    name: 'array-loops',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        if (!args.path.startsWith(root)) return undefined;
        program ??= createProgram(tsconfig);
        const file = program.getSourceFile(args.path);
        if (!file) return undefined;
        return { contents: rewriteArrayLoops(file, program.getTypeChecker()).text, loader: 'ts' };
      });
    },
  };
}

function createProgram(tsconfig) {
  const config = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); } });
  return ts.createProgram({ rootNames: config.fileNames, options: { ...config.options, noEmit: true, composite: false, declaration: false } });
}
