import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { findPair, scalarText } from '../model/nodes';
import { renameKey } from './blockEdits';
import type { DocumentEditor, Edit } from './edits';
import { renderMap, type YValue } from './style';
import { writtenMap } from './selectorFixes';

/**
 * A v1beta1 IngressBackend's `serviceName`/`servicePort` as the v1 `service: {name, port}` block
 * (a number, or a port name), written where `serviceName` was; [] for a backend without them.
 */
function backendEdits(editor: DocumentEditor, backend: YAMLMap): Edit[] | undefined {
  const name = findPair(backend, 'serviceName');
  const port = findPair(backend, 'servicePort');
  if (!name && !port) return [];
  const key = name?.key as Node | undefined;
  const portValue = port?.value;
  if (!name || !port || !key?.range || !isScalar(name.value) || !isScalar(portValue)) return undefined;
  const serviceName = scalarText(name.value);
  const raw = scalarText(portValue);
  if (!serviceName || raw === undefined) return undefined;
  const numeric = typeof portValue.value === 'number' || /^\d+$/.test(raw);
  const service: YValue = { name: serviceName, port: numeric ? { number: Number(raw) } : { name: raw } };
  const removed = [editor.removePair(backend, name), editor.removePair(backend, port)];
  if (removed.some((e) => !e)) return undefined;
  const line = editor.file.lines().positionAt(editor.abs(key.range[0])).line - editor.placed.startLine;
  return [...editor.insertLines(line, renderMap({ service }, editor.column(key), editor.style)), ...removed.flatMap((e) => e!)];
}

/**
 * The field moves of an Ingress from extensions/networking.k8s.io v1beta1 to networking.k8s.io/v1:
 * `spec.backend` becomes `spec.defaultBackend`, every backend's serviceName/servicePort becomes
 * `service`, and each HTTP path without a pathType gets `ImplementationSpecific` (the v1beta1
 * behaviour). Undefined when a part is not a block structure these edits can change.
 */
export function ingressEdits(editor: DocumentEditor, ingress: YAMLMap): Edit[] | undefined {
  const spec = writtenMap(ingress, 'spec');
  if (!spec) return findPair(ingress, 'spec') ? undefined : [];
  const edits: Edit[] = [];
  const add = (more: Edit[] | undefined) => {
    if (more) edits.push(...more);
    return !!more;
  };
  const backendPair = findPair(spec, 'backend');
  if (backendPair) {
    const backend = writtenMap(spec, 'backend');
    if (!backend || !add(renameKey(editor, spec, backendPair, 'defaultBackend')) || !add(backendEdits(editor, backend))) return undefined;
  }
  const rules = findPair(spec, 'rules')?.value;
  for (const rule of isSeq(rules) ? rules.items : []) {
    const paths = isMap(rule) ? writtenMap(rule, 'http') : undefined;
    const list = paths ? findPair(paths, 'paths')?.value : undefined;
    for (const item of isSeq(list) ? list.items : []) {
      if (!isMap(item) || item.flow) return undefined;
      const backend = writtenMap(item, 'backend');
      if (findPair(item, 'backend') && (!backend || !add(backendEdits(editor, backend)))) return undefined;
      if (!findPair(item, 'pathType') && !add(editor.merge(item, { pathType: 'ImplementationSpecific' }, 'path'))) return undefined;
    }
  }
  return edits;
}
