/** The macros the CronJob schedule parser accepts in place of five fields. */
const MACROS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

interface Field {
  name: string;
  min: number;
  max: number;
  names?: Record<string, number>;
}

const FIELDS: readonly Field[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: Object.fromEntries(MONTHS.map((m, i) => [m, i + 1])) },
  { name: 'day of week', min: 0, max: 6, names: Object.fromEntries(DAYS.map((d, i) => [d, i])) },
];

const GO_DURATION = /^[-+]?(0|((\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h))+)$/;

/** What is wrong with a schedule, in the terms of the API server's cron parser. */
export type CronProblem =
  | { kind: 'empty' }
  | { kind: 'tz' }
  | { kind: 'macro'; text: string }
  | { kind: 'fields'; count: number }
  | { kind: 'field'; field: string; text: string; reason: 'syntax' | 'range' | 'order' | 'step' };

/**
 * Checks a CronJob schedule as the API server does: five space-separated fields (numbers, names of
 * months and week days, `*`, `?`, ranges, steps and lists) or one of the `@` macros, with no time zone.
 */
export function cronProblem(schedule: string): CronProblem | undefined {
  const spec = schedule.trim();
  if (!spec) return { kind: 'empty' };
  if (spec.includes('TZ')) return { kind: 'tz' };
  if (spec.startsWith('@')) {
    if (MACROS.has(spec)) return undefined;
    if (spec.startsWith('@every ') && GO_DURATION.test(spec.slice(7))) return undefined;
    return { kind: 'macro', text: spec };
  }
  const parts = spec.split(/\s+/);
  if (parts.length !== 5) return { kind: 'fields', count: parts.length };
  for (let i = 0; i < 5; i++) {
    for (const expr of parts[i].split(',')) {
      const reason = rangeProblem(expr, FIELDS[i]);
      if (reason) return { kind: 'field', field: FIELDS[i].name, text: parts[i], reason };
    }
  }
  return undefined;
}

function rangeProblem(expr: string, f: Field): 'syntax' | 'range' | 'order' | 'step' | undefined {
  const rangeAndStep = expr.split('/');
  if (rangeAndStep.length > 2) return 'syntax';
  const bounds = rangeAndStep[0].split('-');
  let start: number | undefined;
  let end: number | undefined;
  if (bounds[0] === '*' || bounds[0] === '?') {
    start = f.min;
    end = f.max;
  } else {
    if (bounds.length > 2) return 'syntax';
    start = value(bounds[0], f);
    end = bounds.length === 2 ? value(bounds[1], f) : start;
  }
  if (start === undefined || end === undefined) return 'syntax';
  if (rangeAndStep.length === 2) {
    const step = integer(rangeAndStep[1]);
    if (step === undefined) return 'syntax';
    if (step === 0) return 'step';
    if (bounds.length === 1) end = f.max;
  }
  if (start < f.min || end > f.max) return 'range';
  if (start > end) return 'order';
  return undefined;
}

function value(text: string, f: Field): number | undefined {
  const named = f.names?.[text.toLowerCase()];
  return named ?? integer(text);
}

function integer(text: string): number | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n < 0 ? undefined : n;
}
