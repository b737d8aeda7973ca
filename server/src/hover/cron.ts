import type { Locale } from '../model/types';
import { cronParserLibrary } from '../vendor';

const DAYS = { en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'], 'zh-CN': ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] };
const MACROS: Record<string, string> = { '@hourly': '0 * * * *', '@daily': '0 0 * * *', '@midnight': '0 0 * * *', '@weekly': '0 0 * * 0', '@monthly': '0 0 1 * *', '@yearly': '0 0 1 1 *', '@annually': '0 0 1 1 *' };

const num = (s: string) => /^\d+$/.test(s);
const pad = (n: string) => n.padStart(2, '0');

function dayPart(dom: string, month: string, dow: string, locale: Locale): string | undefined {
  const zh = locale === 'zh-CN';
  const parts: string[] = [];
  if (dow !== '*' && dow !== '?') {
    const range = /^(\d)-(\d)$/.exec(dow);
    const name = (d: string) => DAYS[locale][Number(d) % 7];
    if (range) parts.push(zh ? `${name(range[1])}至${name(range[2])}` : `${name(range[1])} to ${name(range[2])}`);
    else if (/^\d(,\d)*$/.test(dow)) parts.push(dow.split(',').map(name).join(zh ? '、' : ', '));
    else return undefined;
  }
  if (dom !== '*' && dom !== '?') {
    if (!/^\d+(,\d+)*$/.test(dom)) return undefined;
    parts.push(zh ? `每月 ${dom} 日` : `on day ${dom} of the month`);
  }
  if (month !== '*') {
    if (!/^\d+(,\d+)*$/.test(month)) return undefined;
    parts.push(zh ? `${month} 月` : `in month ${month}`);
  }
  if (!parts.length) return zh ? '每天' : 'every day';
  return zh ? parts.join('，') : `on ${parts.join(', ')}`.replace('on on', 'on').replace('on in', 'in');
}

/** A five-field cron schedule (or a macro such as `@daily`) in words, or undefined when it is too unusual to phrase. */
export function cronWords(expr: string, locale: Locale): string | undefined {
  const zh = locale === 'zh-CN';
  const fields = (MACROS[expr.trim()] ?? expr.trim()).split(/\s+/);
  if (fields.length !== 5) return undefined;
  const [min, hour, dom, month, dow] = fields;
  const days = dayPart(dom, month, dow, locale);
  if (!days) return undefined;
  const every = /^\*\/(\d+)$/;
  if (min === '*' && hour === '*') return zh ? `${days}每分钟` : `every minute, ${days}`;
  if (every.test(min) && hour === '*') {
    const n = every.exec(min)![1];
    return zh ? `${days}每 ${n} 分钟` : `every ${n} minutes, ${days}`;
  }
  if (num(min) && hour === '*') return zh ? `${days}每小时第 ${min} 分钟` : `at minute ${min} of every hour, ${days}`;
  if (num(min) && every.test(hour)) {
    const n = every.exec(hour)![1];
    return zh ? `${days}每 ${n} 小时（第 ${min} 分钟）` : `every ${n} hours at minute ${min}, ${days}`;
  }
  if (num(min) && /^\d+(,\d+)*$/.test(hour)) {
    const times = hour.split(',').map((h) => `${pad(h)}:${pad(min)}`).join(zh ? '、' : ', ');
    return zh ? `${days} ${times}` : `at ${times}, ${days}`;
  }
  return undefined;
}

/** The next `count` run times of a schedule in a time zone, formatted in the UI language; undefined when it does not parse. */
export function nextRuns(expr: string, timeZone: string | undefined, locale: Locale, now: Date, count = 3): string[] | undefined {
  try {
    const it = cronParserLibrary().CronExpressionParser.parse(expr.trim(), { tz: timeZone || 'UTC', currentDate: now });
    const fmt = new Intl.DateTimeFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US', { timeZone: timeZone || 'UTC', dateStyle: 'medium', timeStyle: 'short' });
    return Array.from({ length: count }, () => fmt.format(it.next().toDate()));
  } catch {
    return undefined;
  }
}
