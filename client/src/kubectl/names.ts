/**
 * Validation of the names that reach kubectl's command line. Only plain ASCII Kubernetes names pass,
 * so nothing that a shell, kubectl's flag parser or a terminal could read specially gets through.
 */

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** True for a DNS-1123 subdomain (the names of Deployments, StatefulSets, DaemonSets): at most 253 characters. */
export function isDnsSubdomain(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 253 && SUBDOMAIN.test(value);
}

/** True for a DNS-1123 label (the names of namespaces): at most 63 characters. */
export function isDnsLabel(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 63 && LABEL.test(value);
}

/** A printable form of an untrusted value for messages: control characters escaped, length capped. */
export function displayName(value: unknown): string {
  const text = JSON.stringify(String(value ?? '')).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return text.length > 80 ? `${text.slice(0, 77)}…"` : text;
}
