import { ALERT_INTAKE_QUEUE, INCIDENT_INTAKE_QUEUE } from '@itsm/contracts';
import { describeDeployment, kubernetesManifests } from '@itsm/testing';
import { OperationConfig } from './operation.config';

describeDeployment('operation', OperationConfig, (config) => config.ITSM_OPERATION_PORT);

describe('intake autoscaling (k8s/base)', () => {
  type Named = { kind: string; metadata: { name: string } };
  type ScaledObject = Named & { spec: { scaleTargetRef: { name: string; envSourceContainerName: string }; triggers: Array<{ type: string; metadata: Record<string, string> }> } };
  type Deployment = Named & { spec: { template: { spec: { containers: Array<{ name: string; env?: Array<{ name: string; value?: string }> }> } } } };
  const manifests = kubernetesManifests() as unknown as Named[];
  const scalerOf = (queueName: string) =>
    manifests.find((manifest): manifest is ScaledObject => manifest.kind === 'ScaledObject' && (manifest as ScaledObject).spec.triggers.some((trigger) => trigger.metadata['queueName'] === queueName));

  it.each([
    ['intake', INCIDENT_INTAKE_QUEUE],
    ['alert-intake', ALERT_INTAKE_QUEUE],
  ])('scales the deployment that runs only the %s role, by the depth of its queue %s', (role, queueName) => {
    const scaler = scalerOf(queueName);
    expect(scaler).toBeDefined();
    const target = manifests.find((manifest): manifest is Deployment => manifest.kind === 'Deployment' && manifest.metadata.name === scaler?.spec.scaleTargetRef.name);
    const container = target?.spec.template.spec.containers.find((candidate) => candidate.name === scaler?.spec.scaleTargetRef.envSourceContainerName);
    expect(container?.env?.find((variable) => variable.name === 'ITSM_OPERATION_ROLES')?.value).toBe(role);
    const rabbitmq = scaler?.spec.triggers.find((trigger) => trigger.type === 'rabbitmq');
    expect(rabbitmq?.metadata).toMatchObject({ mode: 'QueueLength', queueName, hostFromEnv: 'ITSM_AMQP_URL' });
  });
});
