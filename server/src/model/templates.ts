/** How Go/Helm template files are treated: skipped, or analysed with their actions masked. */
export type TemplateMode = 'ignore' | 'bestEffort';

const ACTION = /\{\{[\s\S]*?\}\}/g;
const HAS_ACTION = /\{\{-?[\s\S]*?-?\}\}/;

/** True when a text contains Go template actions (`{{ … }}`), as Helm chart templates do. */
export function isTemplate(text: string): boolean {
  return HAS_ACTION.test(text);
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
