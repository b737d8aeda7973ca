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
  for (let start = 0; start <= text.length; ) {
    if (blockIndent >= 0) {
      start = blockEnd(text, start, blockIndent);
      blockIndent = -1;
      continue;
    }
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end);
    if (mayHoldAction(line) && line.replace(QUOTED, '').replace(/#.*$/, '').includes('{{')) return true;
    if ((line.includes('|') || line.includes('>')) && BLOCK_START.test(line)) blockIndent = Math.max(0, line.search(NOT_SPACE));
    start = end + 1;
  }
  return false;
}

/**
 * By indent: a line break followed by at most that many white-space characters and then content. A regular
 * expression scans a long block scalar (a dashboard's JSON) many times faster than a loop over its lines.
 */
const BLOCK_ENDS = new Map<number, RegExp>();
const CACHED_INDENTS = 64;

/** The start of the first line after the line break before `from` that is not blank and is indented `indent` or less. */
function blockEnd(text: string, from: number, indent: number): number {
  let re = BLOCK_ENDS.get(indent);
  if (!re) {
    re = new RegExp(`\\n(?=[^\\S\\n]{0,${indent}}\\S)`, 'g');
    if (indent < CACHED_INDENTS) BLOCK_ENDS.set(indent, re);
  }
  re.lastIndex = from - 1;
  const found = re.exec(text);
  return found ? found.index + 1 : text.length + 1;
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
