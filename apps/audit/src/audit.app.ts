import { internalTokenSecrets } from '@itsm/config';
import { AmqpTransportStrategy, connectAmqpTransport, serviceEventsQueueSpec } from '@itsm/messaging';
import { createHttpApp } from '@itsm/service-runtime';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuditConfig } from './audit.config';
import { AuditModule } from './audit.module';

const BODY_LIMIT_BYTES = 16 * 1024;

/** The audit service: records every event on itsm.events, answers the gateway's audit queries. */
export async function createAuditApp(config: AuditConfig): Promise<NestFastifyApplication> {
  const listener = new AmqpTransportStrategy({
    url: config.ITSM_AMQP_URL,
    name: 'audit',
    subscriptions: [{ queue: serviceEventsQueueSpec('audit', ['itsm.#']), prefetch: config.ITSM_AUDIT_PREFETCH }],
  });
  const app = await createHttpApp(AuditModule.forRoot(config, listener), {
    bodyLimit: BODY_LIMIT_BYTES,
    log: { service: 'audit', level: config.ITSM_LOG_LEVEL, format: config.ITSM_LOG_FORMAT },
    callers: { internalTokenSecrets: internalTokenSecrets(config) },
  });
  connectAmqpTransport(app, listener);
  return app;
}
