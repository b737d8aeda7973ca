/** How Go/Helm template files are treated: skipped, or analysed with their actions masked. */
export type TemplateMode = 'ignore' | 'bestEffort';

const ACTION = /\{\{[\s\S]*?\}\}/g;
const CHART_ACTION = /\{\{-?\s*(?:(?:if|else|end|range|with|define|block|template|include|tpl)\b|[^}]*(?:\.Values|\.Release|\.Chart|\.Capabilities|\.Files|\binclude\b|\btoYaml\b|\bnindent\b))/y;
const QUOTED = /"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g;
const BLOCK_START = /:\s*[|>][-+0-9]*\s*(#.*)?$/;
const NOT_SPACE = /\S/;

/**
 * True when a text is a Go/Helm template: it has chart-style actions (`.Values`, `include`, `if`…),
 * or actions where YAML structure goes (outside quoted strings and block scalars). Actions only
 * inside strings, such as Prometheus alert annotations (`{{ $labels.pod }}`), are plain YAML text.
 */
export function isTemplate(text: string): boolean {
  if (!text.includes('{{')) return false;
  for (let at = text.indexOf('{{'); at !== -1; at = text.indexOf('{{', at + 1)) {
    CHART_ACTION.lastIndex = at;
    if (CHART_ACTION.test(text)) return true;
  }
  let blockIndent = -1;
  for (const line of text.split('\n')) {
    if (blockIndent >= 0) {
      const indent = line.search(NOT_SPACE);
      if (indent === -1 || indent > blockIndent) continue;
      blockIndent = -1;
    }
    if (mayHoldAction(line) && line.replace(QUOTED, '').replace(/#.*$/, '').includes('{{')) return true;
    if ((line.includes('|') || line.includes('>')) && BLOCK_START.test(line)) blockIndent = Math.max(0, line.search(NOT_SPACE));
  }
  return false;
}

function mayHoldAction(line: string): boolean {
  const first = line.indexOf('{');
  return first !== -1 && line.indexOf('{', first + 1) !== -1;
}

/**
 * Masks every template action so the rest parses as YAML, keeping every offset and line break:
 * a line that held only actions (control flow, includes) becomes blank, and an action inside a
 * value or key becomes a plain placeholder of the same length. The masked `[start, end)` offsets are
 * pushed to `spans` when given.
 */
export function maskTemplates(text: string, spans?: [number, number][]): string {
  const masked = text.replace(ACTION, (action: string, offset: number) => {
    spans?.push([offset, offset + action.length]);
    return action.replace(/[^\r\n]/g, '\u0001');
  });
  return masked
    .split('\n')
    .map((line) => {
      if (!line.includes('\u0001')) return line;
      if (/^[\s\u0001]*$/.test(line)) return line.replace(/\u0001/g, ' ');
      return line.replace(/\u0001/g, '_');
    })
    .join('\n');
}
