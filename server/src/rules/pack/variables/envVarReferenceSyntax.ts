import { isScalar, type Node } from 'yaml';
import { findPair, get, getAt, scalarText } from '../../../model/nodes';
import { items, mayHold } from '../../helpers';
import { containerLabel, POD_CARRIERS } from '../../podSpec';
import { defineRule, type RuleContext } from '../../types';
import { argvOf, isServiceVar, isVarName, refTarget, scanReferences, shellScripts, type ArgvItem } from './expansion';

const EXEC_PATHS: readonly (readonly string[])[] = [
  ['livenessProbe', 'exec', 'command'],
  ['readinessProbe', 'exec', 'command'],
  ['startupProbe', 'exec', 'command'],
  ['lifecycle', 'postStart', 'exec', 'command'],
  ['lifecycle', 'preStop', 'exec', 'command'],
];

/** Reports the references of one scalar; `judge` returns the message variant for a reference, or undefined to accept it. */
function checkScalar(ctx: RuleContext, node: Node, text: string, judge: (kind: 'parens' | 'braces', name: string) => string | undefined, args: Record<string, string>): void {
  const seen = new Map<string, number>();
  for (const ref of scanReferences(text)) {
    const occurrence = seen.get(ref.raw) ?? 0;
    seen.set(ref.raw, occurrence + 1);
    const variant = judge(ref.kind, ref.name);
    if (!variant) continue;
    ctx.report({ at: refTarget(ctx.doc.text, node, ref.raw, occurrence), variant, args: { ...args, ref: ref.raw, var: ref.name } });
  }
}

/** The argv elements no shell interprets (shell scripts expand `${VAR}` and `$(cmd)` themselves). */
function literalArgs(argv: ArgvItem[], leadingFlags: boolean): ArgvItem[] {
  const scripts = shellScripts(argv.map((a) => a.text), leadingFlags);
  return argv.filter((a, i) => !scripts.has(i) && a.text !== undefined && a.text.includes('$'));
}

/** Kubernetes expands only `$(VAR)`, only in command, args and env values, and only for variables defined before. */
export const envVarReferenceSyntax = defineRule({
  id: 'env-var-reference-syntax',
  category: 'variables',
  severity: 'warning',
  kinds: POD_CARRIERS,
  guide: ['2.2.2', '2.1.2'],
  title: { en: 'Variable reference that Kubernetes does not expand', 'zh-CN': 'Kubernetes 不会展开的变量引用' },
  messages: {
    default: {
      en: '`{ref}` in {where} of container `{name}` is passed on literally: Kubernetes expands only the `$(VAR)` form in command, args and env values, and no shell runs here to expand `${VAR}`; write `$({var})` and define {var} in this container\'s env',
      'zh-CN': '容器 `{name}` 的 {where} 中的 `{ref}` 会被原样传递：Kubernetes 只在 command、args 和 env 值中展开 `$(VAR)` 形式，而这里没有 shell 来展开 `${VAR}`；请改写为 `$({var})`，并在该容器的 env 中定义 {var}',
    },
    undefined: {
      en: '`{ref}` in {where} of container `{name}` stays as literal text: no variable `{var}` is defined in this container\'s env (nor by envFrom), so Kubernetes leaves the reference unexpanded; define {var} in env or correct the name (write `$$({var})` if you want the literal text)',
      'zh-CN': '容器 `{name}` 的 {where} 中的 `{ref}` 会保持为原样文本：该容器的 env（以及 envFrom）中没有定义变量 `{var}`，Kubernetes 不会展开这个引用；请在 env 中定义 {var} 或更正变量名（如果确实需要原样文本，请写成 `$$({var})`）',
    },
    later: {
      en: '`{ref}` in {where} of container `{name}` stays as literal text: `{var}` is defined only after this entry (or is this entry itself), and an env value can use only the variables listed above it; move {var} above this entry',
      'zh-CN': '容器 `{name}` 的 {where} 中的 `{ref}` 会保持为原样文本：`{var}` 在这一项之后才定义（或就是这一项本身），而 env 值只能引用在它上方定义的变量；请把 {var} 移到这一项之前',
    },
    exec: {
      en: '`{ref}` in the {where} of container `{name}` is passed on literally: no shell runs this command, and Kubernetes substitutes `$(VAR)` in probe commands only for env entries with a literal value, and never in lifecycle hooks; run the command through a shell (`sh -c "… ${var} …"`), which sees the container\'s environment',
      'zh-CN': '容器 `{name}` 的 {where} 中的 `{ref}` 会被原样传递：这条命令不经过 shell 执行，Kubernetes 只在探针命令中替换 env 里有字面值的 `$(VAR)`，在生命周期钩子中则完全不替换；请通过 shell 执行该命令（`sh -c "… ${var} …"`），shell 能读取容器的环境变量',
    },
    empty: {
      en: '`{ref}` in the {where} of container `{name}` becomes an empty string: in probe commands Kubernetes substitutes only env entries with a literal value, and `{var}` is set through valueFrom; run the command through a shell (`sh -c "… ${var} …"`), where the variable has its real value',
      'zh-CN': '容器 `{name}` 的 {where} 中的 `{ref}` 会被替换为空字符串：在探针命令中 Kubernetes 只替换 env 里有字面值的变量，而 `{var}` 是通过 valueFrom 设置的；请通过 shell 执行该命令（`sh -c "… ${var} …"`），在 shell 中该变量才有真实的值',
    },
  },
  check(ctx) {
    for (const pod of ctx.podSpecs()) {
      for (const c of pod.containers) {
        if (!mayHold(ctx, c.node, '$')) continue;
        const name = containerLabel(c);
        const env = items(get(c.node, 'env', ctx.anchors), ctx.anchors);
        const names = env.map((e) => scalarText(get(e, 'name', ctx.anchors)));
        const all = new Set(names.filter((n): n is string => !!n));
        const open = items(get(c.node, 'envFrom', ctx.anchors), ctx.anchors).length > 0;
        const unknown = (v: string, known: Set<string>) => !open && isVarName(v) && !known.has(v) && !isServiceVar(v);
        env.forEach((entry, i) => {
          const value = ctx.anchors.resolve(findPair(entry, 'value', ctx.anchors)?.value);
          if (!isScalar(value) || typeof value.value !== 'string' || !value.value.includes('$')) return;
          const earlier = new Set(names.slice(0, i).filter((n): n is string => !!n));
          const judge = (kind: string, v: string) =>
            kind === 'braces' ? 'default' : unknown(v, earlier) ? (all.has(v) ? 'later' : 'undefined') : undefined;
          checkScalar(ctx, value, value.value, judge, { name, where: `env ${names[i] ?? `#${i + 1}`}` });
        });
        const command = argvOf(get(c.node, 'command', ctx.anchors), ctx.anchors).map((a) => ({ ...a, field: 'command' }));
        const args = argvOf(get(c.node, 'args', ctx.anchors), ctx.anchors).map((a) => ({ ...a, field: 'args' }));
        const argv = [...command, ...args];
        for (const a of literalArgs(argv, !command.length) as typeof argv) {
          const judge = (kind: string, v: string) => (kind === 'braces' ? 'default' : unknown(v, all) ? 'undefined' : undefined);
          checkScalar(ctx, a.node, a.text!, judge, { name, where: a.field });
        }
        const literal = new Set(env.filter((e) => !findPair(e, 'valueFrom', ctx.anchors)).map((e) => scalarText(get(e, 'name', ctx.anchors))));
        for (const path of EXEC_PATHS) {
          const probe = path[0] !== 'lifecycle';
          const judge = (kind: string, v: string) =>
            kind === 'braces' ? 'exec'
            : !isVarName(v) || (probe && literal.has(v)) ? undefined
            : probe && all.has(v) ? 'empty'
            : 'exec';
          for (const a of literalArgs(argvOf(getAt(c.node, path, ctx.anchors), ctx.anchors), false)) {
            checkScalar(ctx, a.node, a.text!, judge, { name, where: path.join('.') });
          }
        }
      }
    }
  },
});
