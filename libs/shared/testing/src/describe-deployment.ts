import { configVariables, loadConfig } from '@itsm/config';
import { DeployedContainer, composeContainers, kubernetesContainers } from './deployment-manifests';

/**
 * Checks the Kubernetes manifests and the compose file that run `app` against
 * the app's own configuration class, since neither can be started here (no
 * container engine): each declares the app, sets only variables it reads,
 * passes its boot-time validation, and serves HTTP on the configured port.
 */
export function describeDeployment<TConfig extends object>(app: string, schema: new () => TConfig, httpPortOf: (config: TConfig) => number): void {
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

    it.each(containers)('%s passes the configuration check the app runs at boot', (_where, container) => {
      expect(() => loadConfig(schema, container.env)).not.toThrow();
    });

    it.each(containers)('%s serves HTTP, and probes it, on the port the app is configured with', (_where, container) => {
      const port = httpPortOf(loadConfig(schema, container.env));
      expect(container.httpPorts.length).toBeGreaterThan(0);
      expect(container.httpPorts).toEqual(container.httpPorts.map(() => port));
    });
  });
}
