import { findPair } from '../model/nodes';
import { declaredPorts, type DeclaredPort, type ProbeField } from '../rules/pack/probes/probeUtil';
import { withTabStops } from './snippet';
import { scalarSource, type YValue } from './style';
import type { FixBuilder } from './types';

/**
 * Timings after the guide's §4.3 probes: readiness checks often and drops a pod from its Services after
 * 3 × 5 s; liveness is less aggressive (3 × 15 s, 5 s timeout) so a GC pause or a burst of load does not
 * restart the container. No initialDelaySeconds: slow starts belong to a startupProbe.
 */
const PROBES: Record<'readinessProbe' | 'livenessProbe', { path: string; timing: { [key: string]: YValue }; after: ProbeField }> = {
  readinessProbe: { path: '/readyz', timing: { periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 3 }, after: 'livenessProbe' },
  livenessProbe: { path: '/healthz', timing: { periodSeconds: 15, timeoutSeconds: 5, failureThreshold: 3 }, after: 'readinessProbe' },
};

/** A port name that says the port serves HTTP: one containing `http`, or `web`. */
function httpLike(name: string | undefined): name is string {
  return !!name && (/http/i.test(name) || name.toLowerCase() === 'web');
}

/** The probe handler for a container's ports: httpGet on `path` of the first HTTP-named port, else tcpSocket on the first port. */
function handlerFor(ports: DeclaredPort[], path: string): { handler: { [key: string]: YValue }; port: YValue } | undefined {
  const http = ports.find((p) => httpLike(p.name));
  if (http?.name) {
    const get: { [key: string]: YValue } = { path, port: http.name };
    if (/https/i.test(http.name)) get.scheme = 'HTTPS';
    return { handler: { httpGet: get }, port: http.name };
  }
  const first = ports.find((p) => p.name !== undefined || p.number !== undefined);
  const port = first?.name ?? first?.number;
  return port === undefined ? undefined : { handler: { tcpSocket: { port } }, port };
}

/**
 * `add-readiness-probe` and `add-liveness-probe`: a probe on the container of the finding, placed after
 * its other probe (else at the end of the container), with the path and port as snippet tab stops.
 * Readiness uses `/readyz` and liveness `/healthz` (the conventional Kubernetes endpoint names).
 */
function addProbe(field: 'readinessProbe' | 'livenessProbe'): FixBuilder {
  return ({ scope, editor }) => {
    const c = scope.container;
    if (!c || findPair(c.node, field)) return undefined;
    const spec = PROBES[field];
    const found = handlerFor(declaredPorts(c, scope.placed.doc.anchors), spec.path);
    if (!found) return undefined;
    const edits = editor.merge(c.node, { [field]: { ...found.handler, ...spec.timing } }, findPair(c.node, spec.after) ? spec.after : undefined);
    if (!edits) return undefined;
    const stops = found.handler.httpGet ? [{ key: 'path', value: scalarSource(spec.path) }] : [];
    return withTabStops(edits, [...stops, { key: 'port', value: scalarSource(found.port) }]);
  };
}

/** Builders of the probe fixes, by fix id. */
export const PROBE_FIXES: Record<string, FixBuilder> = {
  'add-readiness-probe': addProbe('readinessProbe'),
  'add-liveness-probe': addProbe('livenessProbe'),
};
