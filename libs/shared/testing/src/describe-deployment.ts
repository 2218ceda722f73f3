import { DEVELOPMENT_INTERNAL_TOKEN_SECRET, PLACEHOLDER_MARK, configVariables, loadConfig } from '@itsm/config';
import { DeployedContainer, PodIngress, composeContainers, kubernetesContainers, kubernetesPodIngress, placeholderVariables, withPlaceholdersReplaced } from './deployment-manifests';

/**
 * Checks the Kubernetes manifests and the compose file that run `app` against
 * the app's own configuration class, since neither can be started here (no
 * container engine): each declares the app, sets only variables it reads,
 * passes its boot-time validation once its placeholders (REPLACE_ME…) are replaced by generated
 * values, is refused while one is left in, and serves HTTP on the configured port. Compose's
 * public development secret is the one the apps accept only when ITSM_ENV is development. In Kubernetes a
 * service behind the gateway (`reachedBy: 'gateway'`) admits connections from gateway pods only,
 * on its HTTP port, and the monitoring namespace on its metrics port alone; the gateway (`'anyone'`) is
 * left open to the ingress controller. Every Kubernetes container serves metrics on a port of its own,
 * ITSM_METRICS_PORT, annotated for Prometheus.
 */
export function describeDeployment<TConfig extends object>(
  app: string,
  schema: new () => TConfig,
  httpPortOf: (config: TConfig) => number,
  reachedBy: 'gateway' | 'anyone' = 'gateway',
): void {
  describe(`${app} as k8s/base and docker-compose.yml deploy it`, () => {
    const kubernetes = kubernetesContainers(app);
    const compose = composeContainers(app);
    const containers: Array<[string, DeployedContainer]> = [...kubernetes, ...compose].map((container) => [container.where, container]);
    const read = configVariables(schema);

    it('is deployed by both', () => {
      expect(kubernetes.length).toBeGreaterThan(0);
      expect(compose.length).toBeGreaterThan(0);
    });

    it.each(containers)('%s sets only variables the app reads', (_where, container) => {
      expect(container.ownVariables.filter((name) => !read.has(name))).toEqual([]);
    });

    it.each(containers)('%s passes the configuration check the app runs at boot, its placeholders replaced by generated values', (_where, container) => {
      expect(() => loadConfig(schema, withPlaceholdersReplaced(container.env))).not.toThrow();
    });

    const withPlaceholders = containers.filter(([, container]) => placeholderVariables(container.env).length > 0);
    if (withPlaceholders.length > 0) {
      it.each(withPlaceholders)('%s is refused at boot while a placeholder is left in, naming each variable', (_where, container) => {
        const load = () => loadConfig(schema, container.env);
        expect(load).toThrow(`still holds the placeholder ${PLACEHOLDER_MARK}`);
        for (const name of placeholderVariables(container.env).filter((variable) => read.has(variable))) expect(load).toThrow(name);
      });
    }

    if (read.has('ITSM_INTERNAL_TOKEN_SECRET')) {
      it.each(compose.map((container): [string, DeployedContainer] => [container.where, container]))(
        '%s runs in development with the public development secret, which production refuses',
        (_where, container) => {
          expect(container.env['ITSM_ENV']).toBe('development');
          expect(container.env['ITSM_INTERNAL_TOKEN_SECRET']).toBe(DEVELOPMENT_INTERNAL_TOKEN_SECRET);
          expect(() => loadConfig(schema, { ...container.env, ITSM_ENV: 'production' })).toThrow(
            "ITSM_INTERNAL_TOKEN_SECRET is docker-compose.yml's public development default",
          );
        },
      );
    }

    it.each(containers)('%s serves HTTP, and probes it, on the port the app is configured with', (_where, container) => {
      const port = httpPortOf(loadConfig(schema, withPlaceholdersReplaced(container.env)));
      expect(container.httpPorts.length).toBeGreaterThan(0);
      expect(container.httpPorts).toEqual(container.httpPorts.map(() => port));
    });

    it.each(kubernetes.map((container): [string, DeployedContainer] => [container.where, container]))(
      '%s serves metrics on its own port, the one the app is configured with, annotated for scraping',
      (_where, container) => {
        const config = loadConfig(schema, withPlaceholdersReplaced(container.env)) as TConfig & { ITSM_METRICS_PORT: number };
        expect(container.metricsPorts).toEqual([config.ITSM_METRICS_PORT, config.ITSM_METRICS_PORT]);
        expect(container.httpPorts).not.toContain(config.ITSM_METRICS_PORT);
      },
    );

    const ingress = kubernetesPodIngress(app).map((pods): [string, typeof pods] => [pods.deployment, pods]);
    const onMetricsPortOnly = (rule: PodIngress['admitted'][number]) => rule.ports.length === 1 && rule.ports[0] === 'metrics';
    if (reachedBy === 'gateway') {
      it.each(ingress)('k8s Deployment %s admits connections only from gateway pods, on its HTTP port (NetworkPolicy)', (_deployment, pods) => {
        expect(pods.isolated).toBe(true);
        const api = pods.admitted.filter((rule) => !onMetricsPortOnly(rule));
        expect(api.length).toBeGreaterThan(0);
        for (const rule of api) {
          expect(rule.other).toEqual([]);
          expect(rule.peers).toEqual(['gateway']);
          expect(rule.ports).toEqual(['http']);
        }
      });

      it.each(ingress)('k8s Deployment %s admits the monitoring namespace (Prometheus) to its metrics port alone (NetworkPolicy)', (_deployment, pods) => {
        const metrics = pods.admitted.filter(onMetricsPortOnly);
        expect(metrics).toEqual([{ peers: [], ports: ['metrics'], other: [JSON.stringify({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } })] }]);
      });
    } else {
      it.each(ingress)('k8s Deployment %s is not isolated by a NetworkPolicy (the ingress controller reaches it)', (_deployment, pods) => {
        expect(pods.isolated).toBe(false);
      });
    }
  });
}
