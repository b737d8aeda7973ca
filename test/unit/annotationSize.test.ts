import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseYamlFile } from '../../server/src/model/yamlFile';
import { analyzeFile } from '../../server/src/service/analyze';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';

const LIMIT = 256 * 1024;

/** A ConfigMap with one annotation `note` whose value is `value`; the annotations total `note`'s 4 bytes plus the value's UTF-8 bytes. */
function withAnnotation(value: string): string {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\n  annotations:\n    note: "${value}"\ndata:\n  a: b\n`;
}

/** The sizes the `label-invalid` annotation-size findings report (read from their English message). */
function sizeFindings(value: string): { size: number }[] {
  const findings = analyzeFile(parseYamlFile(withAnnotation(value), { templates: 'ignore' }), DEFAULT_SETTINGS);
  return findings.flatMap((f) => {
    const m = f.ruleId === 'label-invalid' ? /^Annotations total (\d+) bytes/.exec(f.message) : null;
    return m ? [{ size: Number(m[1]) }] : [];
  });
}

test('annotations of exactly 256 KiB pass and one byte more is reported with its size', () => {
  assert.deepEqual(sizeFindings('a'.repeat(LIMIT - 4)), []);
  assert.deepEqual(sizeFindings('a'.repeat(LIMIT - 3)), [{ size: LIMIT + 1 }]);
});

test('annotation size counts UTF-8 bytes, not characters', () => {
  const chars = Math.floor(LIMIT / 3);
  assert.deepEqual(sizeFindings('中'.repeat(chars)), [{ size: 4 + chars * 3 }]);
  assert.deepEqual(sizeFindings('中'.repeat(Math.floor((LIMIT - 4) / 3))), []);
  assert.deepEqual(sizeFindings('😀'.repeat(Math.floor(LIMIT / 4))), [{ size: 4 + Math.floor(LIMIT / 4) * 4 }]);
});
