import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { parseYamlFile } from '../../server/src/model/yamlFile';
import { engineOptions } from '../../server/src/rules/engine';
import { analyzeFile } from '../../server/src/service/analyze';
import { normalizeSettings } from '../../server/src/service/settings';
import { REPO_ROOT } from '../helpers/paths';

engineOptions.rethrow = true;

interface Snippet {
  scope?: string;
  prefix: string;
  description: string;
  body: string[];
}

interface Filled {
  text: string;
  /** Snippet variables (`$TM_FILENAME`, `${labels}`) met in the body: VS Code would insert something else there. */
  variables: string[];
  tabStops: Set<number>;
}

/**
 * Expands a snippet body the way VS Code does when every tab stop keeps its default: `${1:web}` → `web`,
 * `${2|a,b|}` → `a`, a bare `$1` mirrors placeholder 1's default (empty when it has none), `$0` → empty,
 * and `\$`, `\}`, `\\` stand for the character itself.
 */
function fillSnippet(body: string): Filled {
  const defaults = new Map<number, string>();
  const variables: string[] = [];
  const tabStops = new Set<number>();
  const mirrors: number[] = [];
  let i = 0;

  function parse(stopAtBrace: boolean): string {
    let out = '';
    while (i < body.length) {
      const c = body[i];
      if (c === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1])) {
        out += body[i + 1];
        i += 2;
      } else if (stopAtBrace && c === '}') {
        return out;
      } else if (c === '$') {
        out += dollar();
      } else {
        out += c;
        i++;
      }
    }
    assert.ok(!stopAtBrace, 'unterminated ${…} in the snippet body');
    return out;
  }

  function dollar(): string {
    const bare = /^\$(\d+|[A-Za-z_]\w*)/.exec(body.slice(i));
    if (bare) {
      i += bare[0].length;
      if (/^\d+$/.test(bare[1])) {
        const index = Number(bare[1]);
        tabStops.add(index);
        mirrors.push(index);
        return '\u0000';
      }
      variables.push(bare[1]);
      return '';
    }
    const open = /^\$\{(\d+|[A-Za-z_]\w*)/.exec(body.slice(i));
    if (!open) {
      i++;
      return '$';
    }
    i += open[0].length;
    const numeric = /^\d+$/.test(open[1]);
    if (!numeric) variables.push(open[1]);
    let value = '';
    if (body[i] === '|') {
      const end = body.indexOf('|}', i);
      assert.ok(end > i, `unterminated choice in \${${open[1]}|…`);
      value = body.slice(i + 1, end).split(',')[0];
      i = end + 1;
    } else if (body[i] === ':') {
      i++;
      value = parse(true);
    }
    assert.equal(body[i], '}', `\${${open[1]} is not closed`);
    i++;
    if (numeric) {
      const index = Number(open[1]);
      tabStops.add(index);
      if (!defaults.has(index)) defaults.set(index, value);
    }
    return value;
  }

  const raw = parse(false);
  let text = '';
  let last = 0;
  let nth = 0;
  for (let k = 0; k < raw.length; k++) {
    if (raw[k] !== '\u0000') continue;
    text += raw.slice(last, k) + (defaults.get(mirrors[nth++]) ?? '');
    last = k + 1;
  }
  text += raw.slice(last);
  return { text, variables, tabStops };
}

const SNIPPETS_DIR = path.join(REPO_ROOT, 'snippets');
const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  contributes: { snippets: { language: string; path: string }[] };
};
const contributed = manifest.contributes.snippets.map((s) => path.resolve(REPO_ROOT, s.path));
const snippets = contributed.flatMap((file) =>
  Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, Snippet>).map(([name, snippet]) => ({ file, name, snippet })),
);

/** The guide's production templates: the kinds each one must produce. */
const REQUIRED: Record<string, string[]> = {
  'kws-deployment': ['Deployment'],
  'kws-deployment-bundle': ['Deployment', 'Service', 'PodDisruptionBudget', 'HorizontalPodAutoscaler'],
  'kws-statefulset': ['Service', 'StatefulSet'],
  'kws-daemonset': ['DaemonSet'],
  'kws-job-indexed': ['Job'],
  'kws-cronjob': ['CronJob'],
  'kws-hpa': ['HorizontalPodAutoscaler'],
  'kws-vpa': ['VerticalPodAutoscaler'],
  'kws-keda': ['TriggerAuthentication', 'ScaledObject'],
  'kws-pdb-min-available': ['PodDisruptionBudget'],
  'kws-pdb-max-unavailable': ['PodDisruptionBudget'],
  'kws-pdb-percent': ['PodDisruptionBudget'],
  'kws-quota': ['ResourceQuota', 'ResourceQuota', 'LimitRange'],
  'kws-networkpolicy': ['NetworkPolicy', 'NetworkPolicy', 'NetworkPolicy'],
  'kws-priorityclass': ['PriorityClass', 'PriorityClass'],
  'kws-rbac': ['ServiceAccount', 'Role', 'RoleBinding'],
  'kws-namespace': ['Namespace'],
  'kws-prometheusrule': ['PrometheusRule'],
};

const production = normalizeSettings({ profile: 'production', kubernetes: { minVersion: '1.26', maxVersion: '1.32' } }, 'en');

describe('snippet placeholder filling', () => {
  test('defaults, choices, mirrors, escapes and variables', () => {
    const filled = fillSnippet('a: ${1:web}\nb: ${2|x,y|}\nc: "$1-$3"\nd: ${4:${5:in}ner}\ne: \\$v {{ \\$labels.x \\}}\n$0');
    assert.equal(filled.text, 'a: web\nb: x\nc: "web-"\nd: inner\ne: $v {{ $labels.x }}\n');
    assert.deepEqual(filled.variables, []);
    assert.deepEqual([...filled.tabStops].sort(), [0, 1, 2, 3, 4, 5]);
    assert.deepEqual(fillSnippet('x: $labels ${TM_FILENAME}').variables, ['labels', 'TM_FILENAME']);
  });
});

describe('production snippets', () => {
  test('every snippet file in snippets/ is contributed in package.json', () => {
    const files = readdirSync(SNIPPETS_DIR).filter((f) => f.endsWith('.code-snippets')).map((f) => path.join(SNIPPETS_DIR, f));
    assert.deepEqual([...files].sort(), [...contributed].sort());
    assert.ok(manifest.contributes.snippets.every((s) => s.language === 'yaml'));
  });

  test('every production template of the guide is there, each prefix once', () => {
    const prefixes = snippets.map((s) => s.snippet.prefix);
    assert.deepEqual([...prefixes].sort(), Object.keys(REQUIRED).sort());
  });

  for (const { name, snippet } of snippets) {
    describe(`${snippet.prefix}: ${name}`, () => {
      const body = snippet.body.join('\n');
      const filled = fillSnippet(body);

      test('is a YAML snippet with a kws- prefix and a description in English and Chinese', () => {
        assert.equal(snippet.scope, 'yaml');
        assert.match(snippet.prefix, /^kws-[a-z-]+$/);
        const [en, zh, ...rest] = snippet.description.split(' / ');
        assert.equal(rest.length, 0, 'description is "English / 中文"');
        assert.match(en, /^[\x20-\x7e]+$/, 'the English half is plain ASCII');
        assert.match(en, /[a-z]{3}/);
        assert.match(zh, /[\u4e00-\u9fff]/, 'the Chinese half has Chinese characters');
      });

      test('has tab stops for what the user must choose, and no snippet variables', () => {
        assert.deepEqual(filled.variables, [], 'escape a literal $ as \\\\$');
        assert.ok(filled.tabStops.has(1) && filled.tabStops.has(0), 'tab stops $1 and $0');
        for (const line of snippet.body) {
          if (/^\s*(- )?(image|containerPort|namespace):/.test(line)) {
            assert.match(line, /\$\{?\d/, `a tab stop on: ${line.trim()}`);
          }
        }
      });

      test('produces the kinds of its template', () => {
        const file = parseYamlFile(filled.text, { templates: 'bestEffort' });
        const kinds = file.documents.flatMap((d) => d.doc.resources.map((r) => r.kind));
        assert.deepEqual(kinds, REQUIRED[snippet.prefix]);
      });

      test('is valid and clean under the production profile for Kubernetes 1.26-1.32', () => {
        const file = parseYamlFile(filled.text, { templates: 'ignore' });
        assert.deepEqual(analyzeFile(file, production), []);
        if (file.template) {
          const masked = parseYamlFile(filled.text, { templates: 'bestEffort' });
          assert.ok(masked.documents.length > 0);
          assert.deepEqual(analyzeFile(masked, production), [], 'with its {{ … }} actions masked');
        } else {
          assert.ok(file.documents.length > 0, 'the snippet was analysed');
        }
      });
    });
  }
});
