#!/usr/bin/env node
/**
 * Writes the benchmark's generated workload: `count` production Deployments (about 80 lines each, with
 * probes, resources, a security context, spread constraints and a preStop hook) in one file, separated by
 * `---`. Deterministic: the same count gives the same bytes. Usage:
 * `node bench/generateDeployments.mjs [--count 300] [--out bench/.cache/deployments-300.yaml]`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const TEAMS = ['payments', 'search', 'checkout', 'identity', 'catalog', 'billing'];

function deployment(i) {
  const name = `svc-${String(i).padStart(3, '0')}`;
  const team = TEAMS[i % TEAMS.length];
  const replicas = 2 + (i % 4);
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${team}
  labels:
    app.kubernetes.io/name: ${name}
    app.kubernetes.io/part-of: ${team}
  annotations:
    kubernetes.io/change-cause: "release 1.${i % 20}.0"
spec:
  replicas: ${replicas}
  revisionHistoryLimit: 10
  minReadySeconds: 10
  progressDeadlineSeconds: 600
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${name}
        app.kubernetes.io/part-of: ${team}
    spec:
      serviceAccountName: ${name}
      automountServiceAccountToken: false
      terminationGracePeriodSeconds: 45
      securityContext:
        runAsNonRoot: true
        seccompProfile:
          type: RuntimeDefault
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app.kubernetes.io/name: ${name}
      containers:
        - name: app
          image: registry.example.com/${team}/${name}:1.${i % 20}.${i % 7}
          imagePullPolicy: IfNotPresent
          ports:
            - name: http
              containerPort: 8080
          env:
            - name: LOG_LEVEL
              value: info
          resources:
            requests:
              cpu: ${100 + (i % 5) * 50}m
              memory: ${128 * (1 + (i % 3))}Mi
            limits:
              memory: ${256 * (1 + (i % 3))}Mi
          startupProbe:
            httpGet:
              path: /healthz
              port: http
            periodSeconds: 5
            failureThreshold: 30
          readinessProbe:
            httpGet:
              path: /ready
              port: http
            periodSeconds: 5
          livenessProbe:
            httpGet:
              path: /healthz
              port: http
            periodSeconds: 10
            failureThreshold: 3
          lifecycle:
            preStop:
              exec:
                command: ["sh", "-c", "sleep 10"]
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
`;
}

/** The text of `count` Deployments. */
export function deploymentsText(count) {
  return Array.from({ length: count }, (_, i) => deployment(i)).join('---\n');
}

/** Writes the file unless it is already there with the same content; returns its path. */
export function writeDeployments(out, count = 300) {
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, deploymentsText(count));
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const count = Number(args[args.indexOf('--count') + 1] || 300);
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const out = args.includes('--out') ? path.resolve(args[args.indexOf('--out') + 1]) : path.join(repo, `bench/.cache/deployments-${count}.yaml`);
  writeDeployments(out, count);
  process.stdout.write(`wrote ${out}\n`);
}
