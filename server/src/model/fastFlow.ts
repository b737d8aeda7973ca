import type { Node, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { decline, makeScalar, scanQuoted, type ScalarContext } from './fastScalars';
import { isIndicator, isSeparator } from './fastText';
import { rangeAt, setRange } from './fastNodes';
import { isMergeKey } from './nodes';

/**
 * A flow collection on one line (`[a, "b"]`, `{k: v}`, `[]`) whose items are scalars, opening at `start`.
 * Its range ends at the closing bracket; the caller extends it past what follows on the line.
 */
export function scanFlow(text: string, start: number, ctx: ScalarContext): Node {
  const isFlowMap = text.charCodeAt(start) === 123;
  const close = isFlowMap ? 125 : 93;
  const node = isFlowMap ? ctx.nodes.map() : ctx.nodes.seq();
  node.flow = true;
  let i = start + 1;
  const skip = () => {
    while (text.charCodeAt(i) === 32) i++;
  };
  skip();
  if (text.charCodeAt(i) !== close) {
    for (;;) {
      const item = flowScalar(text, i, isFlowMap, ctx);
      i = rangeAt(item, 1);
      if (isFlowMap) {
        if (text.charCodeAt(i) !== 58 || text.charCodeAt(i + 1) !== 32 || isMergeKey(item)) decline();
        i += 2;
        skip();
        const value = flowScalar(text, i, false, ctx);
        (node as YAMLMap).items.push(ctx.nodes.pair(item, value));
        i = rangeAt(value, 1);
      } else (node as YAMLSeq).items.push(item);
      if (text.charCodeAt(i) === close) break;
      if (text.charCodeAt(i) !== 44 || text.charCodeAt(i + 1) !== 32) decline();
      i += 2;
      skip();
    }
  }
  setRange(node, start, i + 1, i + 1);
  return node;
}

function flowScalar(text: string, at: number, atKey: boolean, ctx: ScalarContext): Scalar {
  const c = text.charCodeAt(at);
  if (c === 34 || c === 39) {
    const scanned = scanQuoted(text, at) ?? decline();
    return makeScalar(ctx, scanned.value, scanned.type, at, scanned.end, scanned.end, atKey);
  }
  if (isIndicator(text, at) || c === 44 || c === 93 || c === 125 || c === 10) decline();
  let end = at;
  for (;;) {
    const ch = text.charCodeAt(end);
    if (end >= text.length || ch === 10 || ch === 44 || ch === 91 || ch === 93 || ch === 123 || ch === 125 || ch === 35) break;
    if (ch === 58) {
      const after = text.charCodeAt(end + 1);
      if (after === 32 || after === 44) break;
      if (after === 91 || after === 93 || after === 123 || after === 125 || isSeparator(text, end + 1)) decline();
    }
    end++;
  }
  if (text.charCodeAt(end - 1) === 32 || end === at) decline();
  return makeScalar(ctx, text.slice(at, end), 'PLAIN', at, end, end, atKey);
}
