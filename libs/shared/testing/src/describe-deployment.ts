import { configVariables, loadConfig } from '@itsm/config';
import { DeployedContainer, composeContainers, kubernetesContainers, kubernetesPodIngress } from './deployment-manifests';

/**
 * Checks the Kubernetes manifests and the compose file that run `app` against
 * the app's own configuration class, since neither can be started here (no
 * container engine): each declares the app, sets only variables it reads,
 * passes its boot-time validation, and serves HTTP on the configured port. In Kubernetes a
 * service behind the gateway (`reachedBy: 'gateway'`) admits connections from gateway pods only,
 * on its HTTP port; the gateway (`'anyone'`) is left open to the ingress controller.
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

    it.each(containers)('%s passes the configuration check the app runs at boot', (_where, container) => {
      expect(() => loadConfig(schema, container.env)).not.toThrow();
    });

    it.each(containers)('%s serves HTTP, and probes it, on the port the app is configured with', (_where, container) => {
      const port = httpPortOf(loadConfig(schema, container.env));
      expect(container.httpPorts.length).toBeGreaterThan(0);
      expect(container.httpPorts).toEqual(container.httpPorts.map(() => port));
    });

    const ingress = kubernetesPodIngress(app).map((pods): [string, typeof pods] => [pods.deployment, pods]);
    if (reachedBy === 'gateway') {
      it.each(ingress)('k8s Deployment %s admits connections only from gateway pods, on its HTTP port (NetworkPolicy)', (_deployment, pods) => {
        expect(pods.isolated).toBe(true);
        expect(pods.admitted.length).toBeGreaterThan(0);
        for (const rule of pods.admitted) {
          expect(rule.other).toEqual([]);
          expect(rule.peers).toEqual(['gateway']);
          expect(rule.ports).toEqual(['http']);
        }
      });
    } else {
      it.each(ingress)('k8s Deployment %s is not isolated by a NetworkPolicy (the ingress controller reaches it)', (_deployment, pods) => {
        expect(pods.isolated).toBe(false);
      });
    }
  });
}
