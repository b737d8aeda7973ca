import type { CheckRun } from '../check';
import type { Locale } from '../../model/types';

const SUMMARY = {
  en: (files: number, docs: number, e: number, w: number, i: number, h: number) =>
    `${files} file(s), ${docs} document(s): ${e} error(s), ${w} warning(s), ${i} info, ${h} hint(s)`,
  'zh-CN': (files: number, docs: number, e: number, w: number, i: number, h: number) =>
    `${files} 个文件，${docs} 个文档：${e} 个错误，${w} 个警告，${i} 条信息，${h} 条提示`,
};

/** Human-readable report: `file:line:col severity rule message`, the source line and a caret under the range. */
export function formatText(run: CheckRun, locale: Locale): string {
  const out: string[] = [];
  for (const file of run.report.files) {
    const lines = run.lines.get(file.path);
    for (const f of file.findings) {
      const { line, character } = f.range.start;
      out.push(`${file.path}:${line + 1}:${character + 1}: ${f.severity} [${f.ruleId}] ${f.message}`);
      const src = lines?.lineText(line);
      if (src !== undefined && src.length <= 400) {
        const width = f.range.end.line === line ? Math.max(1, f.range.end.character - character) : Math.max(1, src.length - character);
        out.push(`    ${src.replace(/\t/g, ' ')}`, `    ${' '.repeat(character)}${'^'.repeat(Math.min(width, 200))}`);
      }
    }
  }
  const s = run.report.summary;
  out.push(SUMMARY[locale](s.files, s.documents, s.findings.error, s.findings.warning, s.findings.info, s.findings.hint));
  return out.join('\n') + '\n';
}
