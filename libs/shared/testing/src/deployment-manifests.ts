import { PLACEHOLDER_MARK } from '@itsm/config';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

const ROOT = path.resolve(__dirname, '../../../..');
const KUBERNETES_BASE = path.join(ROOT, 'k8s', 'base');
const COMPOSE_FILE = path.join(ROOT, 'docker-compose.yml');

/** One container running an app, as a deployment artifact declares it. */
export interface DeployedContainer {
  /** Where it is declared, for test names: "k8s Deployment gateway", "compose service audit". */
  where: string;
  /** Every variable the container gets, shared ones included. */
  env: Record<string, string>;
  /** Variables set for this app in particular (a shared ConfigMap serves all apps and is not listed). */
  ownVariables: string[];
  /** Container-side ports it publishes for HTTP and the ports its probes or healthcheck call (not the metrics port). */
  httpPorts: number[];
  /** Kubernetes: the container port named `metrics` and the port its pod's `prometheus.io/port` annotation names (none in compose). */
  metricsPorts: number[];
  /** Where each variable taken from a Kubernetes Secret comes from: variable → "<secret>/<key>" (none in compose). */
  secretKeys: Record<string, string>;
}

type Manifest = { kind?: string; metadata?: { name?: string }; data?: Record<string, string>; stringData?: Record<string, string>; spec?: unknown };
type EnvSource = { configMapRef?: { name: string }; secretRef?: { name: string } };
type KeyRef = { name: string; key: string };
type EnvVar = { name: string; value?: string; valueFrom?: { configMapKeyRef?: KeyRef; secretKeyRef?: KeyRef } };
type Probe = { httpGet?: { port: number | string } };
type Container = {
  name: string;
  command?: string[];
  envFrom?: EnvSource[];
  env?: EnvVar[];
  ports?: Array<{ name?: string; containerPort: number }>;
  startupProbe?: Probe;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
};
type ComposeService = { command?: string[]; environment?: Record<string, string | number> | string[]; ports?: string[]; healthcheck?: { test?: string[] } };

const runs = (command: readonly string[] | undefined, app: string) => (command ?? []).includes(`dist/apps/${app}/src/main.js`);

/** The manifests kustomize builds from k8s/base, in the order its kustomization lists them. */
export function kubernetesManifests(): Manifest[] {
  const kustomization = parse(readFileSync(path.join(KUBERNETES_BASE, 'kustomization.yaml'), 'utf8')) as { resources: string[] };
  return kustomization.resources.flatMap((file) =>
    parseAllDocuments(readFileSync(path.join(KUBERNETES_BASE, file), 'utf8')).map((document) => document.toJS() as Manifest),
  );
}

/**
 * The containers of k8s/base's Deployments that run `app` (every app when none is named), with the
 * environment kustomize would give them.
 */
export function kubernetesContainers(app?: string): DeployedContainer[] {
  const manifests = kubernetesManifests();
  const values = new Map<string, Record<string, string>>();
  for (const manifest of manifests) {
    const name = manifest.metadata?.name ?? '';
    if (manifest.kind === 'ConfigMap') values.set(`ConfigMap/${name}`, manifest.data ?? {});
    if (manifest.kind === 'Secret') values.set(`Secret/${name}`, { ...decodeSecretData(manifest.data), ...manifest.stringData });
  }
  const source = (kind: 'ConfigMap' | 'Secret', name: string): Record<string, string> => {
    const found = values.get(`${kind}/${name}`);
    if (!found) throw new Error(`k8s/base has no ${kind} ${name}`);
    return found;
  };
  const lookup = (kind: 'ConfigMap' | 'Secret', ref: KeyRef): string => {
    const value = source(kind, ref.name)[ref.key];
    if (value === undefined) throw new Error(`${kind} ${ref.name} has no key ${ref.key}`);
    return value;
  };

  return manifests
    .filter((manifest) => manifest.kind === 'Deployment')
    .flatMap((deployment) => {
      const template = (deployment.spec as DeploymentSpec).template;
      const containers = template.spec.containers;
      const scrapePort = template.metadata?.annotations?.['prometheus.io/port'];
      return containers
        .filter((container) => app === undefined || runs(container.command, app))
        .map((container): DeployedContainer => {
          const env: Record<string, string> = {};
          const secretKeys: Record<string, string> = {};
          for (const from of container.envFrom ?? []) {
            if (from.configMapRef) Object.assign(env, source('ConfigMap', from.configMapRef.name));
            if (from.secretRef) {
              const secret = from.secretRef.name;
              Object.assign(env, source('Secret', secret));
              for (const key of Object.keys(source('Secret', secret))) secretKeys[key] = `${secret}/${key}`;
            }
          }
          for (const variable of container.env ?? []) {
            const { configMapKeyRef, secretKeyRef } = variable.valueFrom ?? {};
            env[variable.name] = configMapKeyRef ? lookup('ConfigMap', configMapKeyRef) : secretKeyRef ? lookup('Secret', secretKeyRef) : String(variable.value ?? '');
            if (secretKeyRef) secretKeys[variable.name] = `${secretKeyRef.name}/${secretKeyRef.key}`;
            else delete secretKeys[variable.name];
          }
          const ports = (container.ports ?? []).filter((port) => port.name !== 'metrics');
          const metricsPorts = (container.ports ?? []).filter((port) => port.name === 'metrics').map((port) => port.containerPort);
          const probePorts = [container.startupProbe, container.livenessProbe, container.readinessProbe].flatMap((probe) => {
            const port = probe?.httpGet?.port;
            if (port === undefined) return [];
            const resolved = typeof port === 'number' ? port : ports.find((candidate) => candidate.name === port)?.containerPort;
            if (resolved === undefined) throw new Error(`a probe of ${deployment.metadata?.name} names the undeclared port ${port}`);
            return [resolved];
          });
          return {
            where: `k8s Deployment ${deployment.metadata?.name}`,
            env,
            ownVariables: (container.env ?? []).map((variable) => variable.name),
            httpPorts: [...ports.map((port) => port.containerPort), ...probePorts],
            metricsPorts: [...metricsPorts, ...(scrapePort === undefined ? [] : [Number(scrapePort)])],
            secretKeys,
          };
        });
    });
}

/**
 * The services of docker-compose.yml that run `app`, with their environment (YAML merge keys applied,
 * `${NAME:-default}` interpolated as compose does when the shell sets none of them).
 */
export function composeContainers(app: string): DeployedContainer[] {
  const compose = parse(readFileSync(COMPOSE_FILE, 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
  return Object.entries(compose.services)
    .filter(([, service]) => runs(service.command, app))
    .map(([name, service]): DeployedContainer => {
      const env = composeEnvironment(service.environment);
      const published = (service.ports ?? []).map((mapping) => Number(mapping.split(':').at(-1)));
      const healthcheck = (service.healthcheck?.test ?? []).join(' ').match(/127\.0\.0\.1:(\d+)/);
      return {
        where: `compose service ${name}`,
        env,
        ownVariables: Object.keys(env),
        httpPorts: [...published, ...(healthcheck ? [Number(healthcheck[1])] : [])],
        metricsPorts: [],
        secretKeys: {},
      };
    });
}

function composeEnvironment(environment: ComposeService['environment']): Record<string, string> {
  const entries = Array.isArray(environment)
    ? environment.map((entry): [string, string] => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)])
    : Object.entries(environment ?? {}).map(([key, value]): [string, string] => [key, String(value)]);
  return Object.fromEntries(entries.map(([key, value]) => [key, interpolateUnset(value)]));
}

/** Compose's interpolation with no variable set: `${NAME:-default}` and `${NAME-default}` give the default, `${NAME}` nothing. */
function interpolateUnset(value: string): string {
  return value.replace(/\$\{\w+(?::?-([^}]*))?\}/g, (_match, fallback: string | undefined) => fallback ?? '');
}

const PLACEHOLDER = new RegExp(`${PLACEHOLDER_MARK}[\\w-]*`, 'g');

/** The variables whose value still holds a placeholder of the example manifests (REPLACE_ME…), which the apps refuse. */
export function placeholderVariables(env: Record<string, string>): string[] {
  return Object.entries(env)
    .filter(([, value]) => value.includes(PLACEHOLDER_MARK))
    .map(([name]) => name);
}

/** `env` with each placeholder (REPLACE_ME…) replaced by a value generated as an operator would (48 random base64url characters). */
export function withPlaceholdersReplaced(env: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).map(([name, value]) => [name, value.replace(PLACEHOLDER, () => randomBytes(36).toString('base64url'))]));
}

function decodeSecretData(data: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(data ?? {}).map(([key, value]) => [key, Buffer.from(value, 'base64').toString('utf8')]));
}

type LabelSelector = {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }>;
};
type PolicyPeer = { podSelector?: LabelSelector; namespaceSelector?: LabelSelector; ipBlock?: unknown };
type PolicyPort = { port?: number | string; protocol?: string };
type NetworkPolicySpec = { podSelector: LabelSelector; policyTypes?: string[]; ingress?: Array<{ from?: PolicyPeer[]; ports?: PolicyPort[] }> };
type DeploymentSpec = { template: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec: { containers: Container[] } } };

/** Whether a Kubernetes label selector selects these labels (an empty selector selects everything). */
export function selects(selector: LabelSelector, labels: Record<string, string>): boolean {
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  const byExpression = (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    const label = labels[key];
    if (operator === 'In') return label !== undefined && values.includes(label);
    if (operator === 'NotIn') return label === undefined || !values.includes(label);
    return operator === 'Exists' ? label !== undefined : label === undefined;
  });
  return byLabel && byExpression;
}

/** Who may open connections to the pods of a k8s/base Deployment, as its NetworkPolicies say. */
export interface PodIngress {
  /** The Deployment whose pods these are. */
  deployment: string;
  /** Whether any NetworkPolicy selects the pods for ingress (otherwise every source may connect). */
  isolated: boolean;
  /** The Deployments whose pods the policies admit, by rule, with the ports they admit them to. */
  admitted: Array<{ peers: string[]; ports: Array<number | string>; other: string[] }>;
}

/** The ingress NetworkPolicies of k8s/base applied to the pods of each Deployment that runs `app`. */
export function kubernetesPodIngress(app: string): PodIngress[] {
  const manifests = kubernetesManifests();
  const deployments = manifests
    .filter((manifest) => manifest.kind === 'Deployment')
    .map((manifest) => ({ name: manifest.metadata?.name ?? '', spec: manifest.spec as DeploymentSpec }));
  const policies = manifests.filter((manifest) => manifest.kind === 'NetworkPolicy').map((manifest) => manifest.spec as NetworkPolicySpec);
  return deployments
    .filter(({ spec }) => spec.template.spec.containers.some((container) => runs(container.command, app)))
    .map(({ name, spec }) => {
      const labels = spec.template.metadata?.labels ?? {};
      const applying = policies.filter((policy) => (policy.policyTypes ?? ['Ingress']).includes('Ingress') && selects(policy.podSelector, labels));
      return {
        deployment: name,
        isolated: applying.length > 0,
        admitted: applying.flatMap((policy) =>
          (policy.ingress ?? []).map((rule) => ({
            peers: (rule.from ?? []).flatMap((peer) =>
              peer.podSelector && !peer.namespaceSelector && !peer.ipBlock
                ? deployments.filter((other) => selects(peer.podSelector as LabelSelector, other.spec.template.metadata?.labels ?? {})).map((other) => other.name)
                : [],
            ),
            ports: (rule.ports ?? []).map((port) => port.port ?? 'any'),
            // Sources that are not pods of this namespace (other namespaces, address blocks, or no `from`: anyone).
            other: rule.from === undefined ? ['anyone'] : rule.from.filter((peer) => !peer.podSelector || peer.namespaceSelector || peer.ipBlock).map((peer) => JSON.stringify(peer)),
          })),
        ),
      };
    });
}
