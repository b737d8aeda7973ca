/**
 * The files the LSP measurements open, each a workload `{ id, title, documents: [{ uri, text }] }`
 * opened together: the argo-cd install bundle, kube-prometheus's manifests folder, and a generated file
 * of 300 production Deployments (bench/generateDeployments.mjs).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeDeployments } from './generateDeployments.mjs';

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

/** The workloads: argo-cd's install bundle (~1.9 MB), kube-prometheus's manifests, 300 generated Deployments. */
export function defaultWorkloads(corpus, cache) {
  return [
    workload('argo-cd', 'argo-cd `manifests/install.yaml`', path.join(corpus, 'argo-cd/manifests/install.yaml')),
    workload('kube-prom', 'kube-prometheus `manifests/` (opened together)', path.join(corpus, 'kube-prometheus/manifests')),
    workload('deploy-300', '300 generated production Deployments (`bench/generateDeployments.mjs`)', writeDeployments(path.join(cache, 'deployments-300.yaml'), 300)),
  ].filter(Boolean);
}
