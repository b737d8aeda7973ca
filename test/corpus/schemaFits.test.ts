import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { isMap, isPair, isScalar, Scalar, type Node, type Pair, type YAMLMap } from 'yaml';
import { listYamlFiles } from '../../server/src/index/scan';
import { walk } from '../../server/src/model/nodes';
import type { Resource } from '../../server/src/model/resource';
import { parseYamlFile } from '../../server/src/model/yamlFile';
import { fitOf } from '../../server/src/schema/fits';
import { ExpansionLimitError, yamlToJson } from '../../server/src/schema/toJson';
import type { SchemaStore } from '../../server/src/schema/store';
import { builtinValidator, chooseSchema } from '../../server/src/schema/validators';
import type { Anchors } from '../../server/src/model/nodes';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import { CORPUS, needsCorpus } from '../helpers/paths';
import { Random } from '../helpers/randomEdits';

/** ajv's verdict on the resource's JSON, as `schemaIssues` reaches it (a conversion over budget reports nothing). */
function ajvValid(resource: Resource, anchors: Anchors, store: SchemaStore, minor: number): boolean {
  const validate = builtinValidator(store, minor, resource.apiVersion, resource.kind)!;
  try {
    return validate(yamlToJson(resource.node, anchors)) as boolean;
  } catch (e) {
    if (e instanceof ExpansionLimitError) return true;
    throw e;
  }
}

const VALUES: unknown[] = [null, 'text', '', 'RollingUpdate', 'Always', 3, -1, 2.5, 3_000_000_000, Infinity, NaN, true, false, '500m', '1Gi', '2024-01-01T00:00:00Z', 'bad quantity'];

/** One change to a resource's tree and the way back: a scalar's value, a key's name, a pair removed, or a scalar where a collection was. */
function mutate(root: YAMLMap, random: Random): (() => void) | undefined {
  const scalars: Scalar[] = [];
  const pairs: { map: YAMLMap; pair: Pair }[] = [];
  walk(root, (node) => {
    if (isScalar(node)) scalars.push(node);
    if (isMap(node)) for (const pair of node.items) if (isPair(pair)) pairs.push({ map: node, pair });
  });
  const pick = <T>(list: readonly T[]): T | undefined => random.pick(list);
  const kind = random.int(4);
  if (kind === 0) {
    const s = pick(scalars);
    if (!s) return undefined;
    const { value, source } = s;
    s.value = pick(VALUES);
    s.source = typeof s.value === 'string' ? s.value : String(s.value);
    return () => Object.assign(s, { value, source });
  }
  const at = pick(pairs);
  if (!at || !isScalar(at.pair.key)) return undefined;
  const { map, pair } = at;
  if (kind === 1) {
    const key = pair.key as Scalar;
    const value = key.value;
    key.value = `${String(value)}x`;
    return () => void (key.value = value);
  }
  if (kind === 2) {
    const i = map.items.indexOf(pair);
    map.items.splice(i, 1);
    return () => void map.items.splice(i, 0, pair);
  }
  const value = pair.value;
  pair.value = new Scalar(pick(VALUES));
  return () => void (pair.value = value);
}

test('the node walk and ajv agree on every built-in resource of the corpus, as written and after random changes', needsCorpus(), async () => {
  const random = new Random(20261126);
  const unsound: string[] = [];
  const imprecise: string[] = [];
  let checked = 0;
  let invalid = 0;
  for (const file of (await listYamlFiles(CORPUS, [])).sort()) {
    const model = parseYamlFile(readFileSync(file, 'utf8'), { templates: 'ignore' });
    for (const placed of model.documents) {
      const { anchors } = placed.doc;
      for (const resource of placed.doc.resources) {
        const choice = chooseSchema(DEFAULT_SETTINGS.kubernetes, resource.apiVersion, resource.kind, undefined);
        if (choice.kind !== 'builtin') continue;
        const view = choice.store.loadVersion(choice.minor);
        for (let round = 0; round < 7; round++) {
          const undo = round === 0 ? () => undefined : mutate(resource.node, random);
          if (!undo) continue;
          const fits = fitOf(resource.node as Node, anchors, view, choice.definition) !== 'no';
          const valid = ajvValid(resource, anchors, choice.store, choice.minor);
          const where = `${path.relative(CORPUS, file)} #${placed.index} ${resource.kind}/${resource.name ?? ''} round ${round}`;
          if (fits && !valid) unsound.push(where);
          if (!fits && valid && anchors.isEmpty() && !anchors.merges) imprecise.push(where);
          checked++;
          if (!valid) invalid++;
          undo();
        }
      }
    }
  }
  assert.deepEqual(unsound, [], 'the walk passed resources ajv rejects');
  assert.deepEqual(imprecise, [], 'the walk sent valid resources without anchors to ajv');
  assert.ok(checked > 7_000 && invalid > 3_000, `${checked} checks, ${invalid} invalid: the corpus and the changes reach both verdicts`);
});
