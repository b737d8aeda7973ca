import { isMap, isScalar, type Node } from 'yaml';
import { containerLabel, POD_CARRIERS } from '../../podSpec';
import { items } from '../../helpers';
import { defineRule, valueOf } from '../../types';
import { PROBE_FIELDS } from '../probes/probeUtil';
import { isPortName } from './shared';

const HOOKS = ['postStart', 'preStop'];
const HANDLERS = ['httpGet', 'tcpSocket'];

/** Why a port name is invalid, for the message. */
function reason(name: string): 'default' | 'chars' | 'letter' | 'dash' {
  if (!/^[-a-z0-9]+$/.test(name)) return 'chars';
  if (name.length > 15) return 'default';
  if (!/[a-z]/.test(name)) return 'letter';
  return 'dash';
}

/** Port names follow the IANA service-name syntax, so Services and probes can refer to them. */
export const portNameInvalid = defineRule({
  id: 'port-name-invalid',
  category: 'api',
  severity: 'error',
  kinds: [...POD_CARRIERS, 'Service'],
  guide: ['2.1.2', '2.2.2'],
  title: { en: 'Invalid port name', 'zh-CN': '端口名无效' },
  messages: {
    default: {
      en: 'Port name `{port}` of container `{name}` is longer than 15 characters; the API server rejects it; shorten it (port names are IANA service names: at most 15 lower-case letters, digits and single inner `-`, with at least one letter)',
      'zh-CN': '容器 `{name}` 的端口名 `{port}` 超过 15 个字符；API 服务器会拒绝；请缩短（端口名须符合 IANA 服务名规则：最多 15 个小写字母、数字和中间单个 `-`，且至少包含一个字母）',
    },
    chars: {
      en: 'Port name `{port}` of container `{name}` may only contain lower-case letters, digits and `-`; the API server rejects it; rename it, e.g. `{suggestion}`',
      'zh-CN': '容器 `{name}` 的端口名 `{port}` 只能包含小写字母、数字和 `-`；API 服务器会拒绝；请改名，例如 `{suggestion}`',
    },
    letter: {
      en: 'Port name `{port}` of container `{name}` has no letter: a port name needs at least one, so that it cannot be mistaken for a number; the API server rejects it; rename it, e.g. `port-{port}`',
      'zh-CN': '容器 `{name}` 的端口名 `{port}` 不含字母：端口名至少要有一个字母，以免与端口号混淆；API 服务器会拒绝；请改名，例如 `port-{port}`',
    },
    dash: {
      en: 'Port name `{port}` of container `{name}` starts or ends with `-` or has `--`; the API server rejects it; use single `-` between letters or digits',
      'zh-CN': '容器 `{name}` 的端口名 `{port}` 以 `-` 开头或结尾，或包含 `--`；API 服务器会拒绝；请只在字母或数字之间使用单个 `-`',
    },
    reference: {
      en: '{field} `{port}` is neither a port number nor a valid port name (at most 15 lower-case letters, digits and inner `-`, with a letter); the API server rejects it; use the port number or the name declared on the container',
      'zh-CN': '{field} `{port}` 既不是端口号，也不是有效的端口名（最多 15 个小写字母、数字和中间的 `-`，且含字母）；API 服务器会拒绝；请使用端口号或容器上声明的端口名',
    },
    quoted: {
      en: '{field} `"{port}"` is quoted, so it is read as a port name, and a name needs a letter: the API server rejects it; write the number without quotes',
      'zh-CN': '{field} `"{port}"` 带了引号，会被当作端口名，而端口名必须包含字母：API 服务器会拒绝；请去掉引号直接写数字',
    },
  },
  check(ctx) {
    const reference = (node: Node | undefined, ...path: string[]) => {
      if (!isScalar(node) || typeof node.value !== 'string' || isPortName(node.value)) return;
      ctx.report({ at: node, variant: /^\d+$/.test(node.value) ? 'quoted' : 'reference', args: { port: node.value, field: path.join('.') } });
    };
    if (ctx.resource.kind === 'Service') {
      for (const p of items(ctx.at(['spec', 'ports']), ctx.anchors)) reference(ctx.at(['targetPort'], p), 'targetPort');
      return;
    }
    for (const pod of ctx.podSpecs()) {
      for (const c of pod.containers) {
        for (const p of items(ctx.at(['ports'], c.node), ctx.anchors)) {
          const pair = isMap(p) ? ctx.pair(p, 'name') : undefined;
          const name = isMap(p) ? ctx.str(['name'], p) : undefined;
          if (!pair || !name || isPortName(name)) continue;
          const suggestion = name.toLowerCase().replace(/[^-a-z0-9]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '').slice(0, 15).replace(/-$/, '');
          ctx.report({ at: valueOf(pair), variant: reason(name), args: { port: name, name: containerLabel(c), suggestion } });
        }
        for (const probe of PROBE_FIELDS) {
          for (const handler of HANDLERS) reference(ctx.at([probe, handler, 'port'], c.node), probe, handler, 'port');
        }
        for (const hook of HOOKS) {
          for (const handler of HANDLERS) reference(ctx.at(['lifecycle', hook, handler, 'port'], c.node), 'lifecycle', hook, handler, 'port');
        }
      }
    }
  },
});
