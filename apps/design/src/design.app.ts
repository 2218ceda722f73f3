import { internalTokenSecrets } from '@itsm/config';
import { PORTFOLIO_EVENT_TYPES } from '@itsm/design/service-catalogue';
import { AmqpTransportStrategy, connectAmqpTransport, serviceEventsQueueSpec } from '@itsm/messaging';
import { createHttpApp } from '@itsm/service-runtime';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DesignConfig } from './design.config';
import { DesignModule } from './design.module';

const BODY_LIMIT_BYTES = 256 * 1024;

/** The design service: catalogue, service levels and calendars over HTTP; follows the portfolio's events. */
export async function createDesignApp(config: DesignConfig): Promise<NestFastifyApplication> {
  const listener = new AmqpTransportStrategy({
    url: config.ITSM_AMQP_URL,
    name: 'design',
    subscriptions: [{ queue: serviceEventsQueueSpec('design', PORTFOLIO_EVENT_TYPES), prefetch: config.ITSM_DESIGN_PREFETCH }],
  });
  const app = await createHttpApp(DesignModule.forRoot(config, listener), {
    bodyLimit: BODY_LIMIT_BYTES,
    log: { service: 'design', level: config.ITSM_LOG_LEVEL, format: config.ITSM_LOG_FORMAT },
    callers: { internalTokenSecrets: internalTokenSecrets(config) },
  });
  connectAmqpTransport(app, listener);
  return app;
}
