import { DeployedContainer, describeDeployment, kubernetesContainers } from '@itsm/testing';
import { GatewayConfig } from './gateway.config';

describeDeployment('gateway', GatewayConfig, (config) => config.ITSM_GATEWAY_PORT, 'anyone');

/**
 * A rotation of the internal token secret refuses no call only if the services accept the new secret
 * before any gateway pod signs with it, including a gateway pod that happens to restart meanwhile. So
 * the gateway reads its signing secret from a Secret key that no service reads (k8s/README.md, "Rotate").
 */
describe('the internal token secret in k8s/base, rotated without refused calls', () => {
  const gateways = kubernetesContainers('gateway');
  const services = kubernetesContainers().filter((container) => !gateways.some((gateway) => gateway.where === container.where));

  it('has a gateway and services to check', () => {
    expect(gateways.length).toBeGreaterThan(0);
    expect(services.length).toBeGreaterThan(0);
  });

  it.each(gateways.map((gateway): [string, string | undefined] => [gateway.where, gateway.secretKeys['ITSM_INTERNAL_TOKEN_SECRET']]))(
    '%s signs with a Secret key (%s) that no service reads',
    (_where, signingKey) => {
      expect(signingKey).toBeDefined();
      for (const service of services) expect(Object.values(service.secretKeys)).not.toContain(signingKey);
    },
  );

  it.each(services.map((service): [string, DeployedContainer['secretKeys']] => [service.where, service.secretKeys]))(
    '%s accepts the current and the previous secret from Secret keys of their own',
    (_where, secretKeys) => {
      expect(secretKeys['ITSM_INTERNAL_TOKEN_SECRET']).toBeDefined();
      expect(secretKeys['ITSM_INTERNAL_TOKEN_PREVIOUS_SECRET']).toBeDefined();
      expect(secretKeys['ITSM_INTERNAL_TOKEN_SECRET']).not.toBe(secretKeys['ITSM_INTERNAL_TOKEN_PREVIOUS_SECRET']);
    },
  );
});
