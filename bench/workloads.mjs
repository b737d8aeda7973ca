/**
 * The files the LSP measurements open, each a workload `{ id, title, documents: [{ uri, text }] }`
 * opened together. The performance issue adds kube-prometheus (a folder opened together) and a
 * generated file of 300 Deployments here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

function load(files) {
  return files.map((f) => ({ uri: pathToFileURL(f).href, text: readFileSync(f, 'utf8'), path: f }));
}

/** One workload from files, or from every `*.yaml` of a folder; undefined when none exists. */
export function workload(id, title, target) {
  let files;
  try {
    files = statSync(target).isDirectory()
      ? readdirSync(target).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(target, f))
      : [target];
  } catch {
    return undefined;
  }
  if (!files.length) return undefined;
  const documents = load(files);
  const bytes = documents.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
  const lines = documents.reduce((n, d) => n + d.text.split('\n').length - (d.text.endsWith('\n') ? 1 : 0), 0);
  return { id, title, target, documents, bytes, lines };
}

/** The workloads of this issue: the argo-cd install bundle (~1.9 MB). */
export function defaultWorkloads(corpus) {
  return [workload('argo-cd', 'argo-cd `manifests/install.yaml`', path.join(corpus, 'argo-cd/manifests/install.yaml'))].filter(Boolean);
}
