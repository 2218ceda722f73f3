import { internalTokenSecrets } from '@itsm/config';
import { AmqpTransportStrategy, alertIntakeQueueSpec, connectAmqpTransport, incidentIntakeQueueSpec } from '@itsm/messaging';
import { createHttpApp } from '@itsm/service-runtime';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { OPERATION_EVENTS_PREFETCH, operationEventsQueueSpec } from './operation-queues';
import { OperationConfig } from './operation.config';
import { OperationModule } from './operation.module';

const BODY_LIMIT_BYTES = 16 * 1024;

/**
 * The operation service in the roles its config names; HTTP always serves health, and reads in the query role.
 * The intake role also follows design's calendars and service levels (its event queue) for SLA clocks.
 */
export async function createOperationApp(config: OperationConfig): Promise<NestFastifyApplication> {
  const intake = config.ITSM_OPERATION_ROLES.includes('intake');
  const alertIntake = config.ITSM_OPERATION_ROLES.includes('alert-intake');
  // One transport for the queues of the roles this instance runs (the alert-intake role's queue alone in its own deployment).
  const intakeListener =
    intake || alertIntake
      ? new AmqpTransportStrategy({
          url: config.ITSM_AMQP_URL,
          name: 'operation-intake',
          subscriptions: [
            ...(intake
              ? [
                  { queue: incidentIntakeQueueSpec(), prefetch: config.ITSM_INTAKE_PREFETCH },
                  { queue: operationEventsQueueSpec(), prefetch: OPERATION_EVENTS_PREFETCH },
                ]
              : []),
            ...(alertIntake ? [{ queue: alertIntakeQueueSpec(), prefetch: config.ITSM_ALERT_INTAKE_PREFETCH }] : []),
          ],
        })
      : undefined;
  const app = await createHttpApp(OperationModule.forRoot(config, intakeListener), {
    bodyLimit: BODY_LIMIT_BYTES,
    log: { service: 'operation', level: config.ITSM_LOG_LEVEL, format: config.ITSM_LOG_FORMAT },
    callers: { internalTokenSecrets: internalTokenSecrets(config) },
  });
  if (intakeListener) connectAmqpTransport(app, intakeListener);
  return app;
}
