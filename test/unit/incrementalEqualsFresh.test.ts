import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { extractResources } from '../../server/src/index/extract';
import { listYamlFiles } from '../../server/src/index/scan';
import { WorkspaceIndex } from '../../server/src/index/workspaceIndex';
import { parseYamlFile, type YamlFile } from '../../server/src/model/yamlFile';
import { WorkspaceCrdCatalog } from '../../server/src/schema/crdCatalog';
import { analyzeFile } from '../../server/src/service/analyze';
import { ModelCache } from '../../server/src/service/modelCache';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/service/settings';
import { CORPUS, needsCorpus, REPO_ROOT } from '../helpers/paths';
import { applyLineEdit, Random, randomLineEdit, type LineEdit } from '../helpers/randomEdits';

/** Every size limit raised, so that the big corpus files are analysed whole. */
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, limits: Object.fromEntries(Object.keys(DEFAULT_SETTINGS.limits).map((k) => [k, 1e9])) as unknown as Settings['limits'] };
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
const SMALL = 200 * 1024;
const BIG = ['argo-cd/manifests/crds/application-crd.yaml', 'keda/config/crd/bases/keda.sh_scaledjobs.yaml'];

/** Documents re-parsed in place (a changed document that kept its predecessor's tree): the fast path under test. */
const inPlace = { count: 0 };

/** A workspace kept as the language server keeps it: model cache, index and CRD catalog updated edit by edit. */
class ServerLike {
  private readonly models = new ModelCache();
  private readonly index = new WorkspaceIndex(SETTINGS.defaultNamespace);
  private readonly crds = new WorkspaceCrdCatalog();
  private readonly published = new Map<string, YamlFile>();
  private readonly versions = new Map<string, number>();

  constructor(readonly texts: Map<string, string>) {
    for (const [uri, text] of texts) this.set(uri, text);
  }

  /** A new version of a file's text: parsed and published to the index, as after `didChange`. */
  set(uri: string, text: string): void {
    this.texts.set(uri, text);
    this.versions.set(uri, (this.versions.get(uri) ?? 0) + 1);
    this.model(uri);
  }

  /** Marks a new version without parsing it, as a burst of edits does before the next request. */
  setLazily(uri: string, text: string): void {
    this.texts.set(uri, text);
    this.versions.set(uri, (this.versions.get(uri) ?? 0) + 1);
  }

  /** The findings of every file, each analysed with its memo. */
  findings(): Map<string, string[]> {
    const files = [...this.texts.keys()].map((uri) => [uri, this.model(uri)] as const);
    return new Map(files.map(([uri, file]) => [uri, keys(analyzeFile(file, SETTINGS, undefined, undefined, { crds: this.crds, index: this.index, uri }))]));
  }

  private model(uri: string): YamlFile {
    const file = this.models.get(uri, this.texts.get(uri)!, this.versions.get(uri), SETTINGS.templates, SETTINGS.limits);
    const previous = this.published.get(uri);
    if (previous !== file) {
      const trees = new Set(previous?.documents.map((d) => d.doc.ast));
      const docs = new Set(previous?.documents.map((d) => d.doc));
      inPlace.count += file.documents.filter((d) => !docs.has(d.doc) && trees.has(d.doc.ast)).length;
      this.published.set(uri, file);
      this.crds.setFile(uri, file);
      this.index.setFile(uri, extractResources(uri, file));
    }
    return file;
  }
}

/** The findings of every file of a workspace analysed from scratch: fresh parses, index, catalog and memos. */
function fresh(texts: ReadonlyMap<string, string>): Map<string, string[]> {
  const index = new WorkspaceIndex(SETTINGS.defaultNamespace);
  const crds = new WorkspaceCrdCatalog();
  const files = [...texts].map(([uri, text]) => [uri, parseYamlFile(text, { templates: SETTINGS.templates, limits: SETTINGS.limits })] as const);
  for (const [uri, file] of files) {
    crds.setFile(uri, file);
    index.setFile(uri, extractResources(uri, file));
  }
  return new Map(files.map(([uri, file]) => [uri, keys(analyzeFile(file, SETTINGS, undefined, undefined, { crds, index, uri }))]));
}

function keys(findings: ReturnType<typeof analyzeFile>): string[] {
  return findings.map((f) => `${f.ruleId}|${f.severity}|${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}|${f.message}`);
}

/** A share `valid` of the edits keep the YAML valid (a letter typed after a letter), the rest are any random edit. */
function nextEdit(random: Random, lines: readonly string[], valid: number): LineEdit {
  if (random.next() < valid) {
    const candidates = lines.map((l, i) => [l, i] as const).filter(([l]) => /[a-z][a-z]/i.test(l));
    if (candidates.length) {
      const [line, i] = random.pick(candidates);
      const letters = [...line.matchAll(/[a-z](?=[a-z])/gi)];
      const at = random.pick(letters).index! + 1;
      return { line: i, start: at, end: at, text: random.pick(['q', 'z', 'k']) };
    }
  }
  return randomLineEdit(random, lines, 0, lines.length);
}

/**
 * Edits one workspace `rounds` times (a share `valid` of the edits keeping the YAML valid; sometimes
 * two edits before the next analysis, as a burst of keystrokes), comparing after each round every
 * file's findings with a fresh analysis. Returns the first mismatch, or undefined.
 */
function check(name: string, texts: Map<string, string>, seed: number, rounds: number, valid = 0.5): string | undefined {
  const random = new Random(seed);
  const server = new ServerLike(new Map(texts));
  const uris = [...texts.keys()];
  for (let round = 1; round <= rounds; round++) {
    const burst = random.int(4) === 0 ? 2 : 1;
    for (let k = 0; k < burst; k++) {
      const uri = random.pick(uris);
      const lines = server.texts.get(uri)!.split('\n');
      applyLineEdit(lines, nextEdit(random, lines, valid));
      if (k + 1 < burst) server.setLazily(uri, lines.join('\n'));
      else server.set(uri, lines.join('\n'));
    }
    const incremental = server.findings();
    const expected = fresh(server.texts);
    for (const uri of uris) {
      const a = incremental.get(uri)!;
      const b = expected.get(uri)!;
      if (a.join('\n') === b.join('\n')) continue;
      const extra = a.filter((x) => !b.includes(x)).slice(0, 3);
      const missing = b.filter((x) => !a.includes(x)).slice(0, 3);
      return `${name} (seed ${seed}, round ${round}) ${uri}: incremental only ${JSON.stringify(extra)}, fresh only ${JSON.stringify(missing)}`;
    }
  }
  return undefined;
}

function yamlUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(dir, f));
}

/** Leaf folders of the workspace fixtures: `<rule>/<fires|clean>/<name>/`. */
function workspaceDirs(): string[] {
  const root = path.join(FIXTURES, 'workspaces');
  const out: string[] = [];
  for (const rule of readdirSync(root).sort())
    for (const kind of ['fires', 'clean'])
      for (const name of readdirSync(path.join(root, rule, kind), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) out.push(path.join(root, rule, kind, name));
  return out;
}

const single = (file: string) => new Map([[`file:///ws/${path.basename(file)}`, readFileSync(file, 'utf8')]]);

test('incremental analysis after random edits equals a fresh analysis: rule and workspace fixtures', (t) => {
  const started = Date.now();
  const failures: string[] = [];
  const rules = yamlUnder(path.join(FIXTURES, 'rules'));
  rules.forEach((file, i) => {
    const failure = check(path.relative(FIXTURES, file), single(file), 1000 + i, 6);
    if (failure) failures.push(failure);
  });
  const workspaces = workspaceDirs();
  workspaces.forEach((dir, i) => {
    const texts = new Map(yamlUnder(dir).map((f) => [`file:///ws/${path.relative(dir, f)}`, readFileSync(f, 'utf8')]));
    const failure = check(path.relative(FIXTURES, dir), texts, 2000 + i, 8);
    if (failure) failures.push(failure);
  });
  assert.ok(rules.length > 100 && workspaces.length > 30);
  assert.deepEqual(failures.slice(0, 10), []);
  t.diagnostic(`${rules.length} rule fixtures and ${workspaces.length} fixture workspaces in ${Date.now() - started} ms`);
});

test('incremental analysis after random edits equals a fresh analysis: a corpus sample and big CRDs', needsCorpus(), async (t) => {
  const started = Date.now();
  const all = (await listYamlFiles(CORPUS, [])).sort();
  const small = all.filter((f) => statSync(f).size < SMALL);
  const sample = small.filter((_, i) => i % 6 === 0);
  const failures: string[] = [];
  sample.forEach((file, i) => {
    const failure = check(path.relative(CORPUS, file), single(file), 3000 + i, 4);
    if (failure) failures.push(failure);
  });
  const before = inPlace.count;
  BIG.forEach((rel, i) => {
    const failure = check(rel, single(path.join(CORPUS, rel)), 4000 + i, 12, 0.9);
    if (failure) failures.push(failure);
  });
  assert.ok(sample.length > 50);
  assert.ok(inPlace.count > before, 'some edits of the big CRDs were re-parsed in place');
  assert.deepEqual(failures.slice(0, 10), []);
  t.diagnostic(`${sample.length} of ${small.length} corpus files under 200 KB and ${BIG.length} big CRDs (${inPlace.count - before} in-place re-parses) in ${Date.now() - started} ms`);
});
