import { internalTokenSecrets } from '@itsm/config';
import { PORTFOLIO_EVENT_TYPES } from '@itsm/design/service-catalogue';
import { AmqpTransportStrategy, connectAmqpTransport, serviceEventsQueueSpec, serviceLevelReplayQueueSpec } from '@itsm/messaging';
import { createHttpApp } from '@itsm/service-runtime';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DesignConfig } from './design.config';
import { DesignModule } from './design.module';

const BODY_LIMIT_BYTES = 256 * 1024;

/** The design service: catalogue, service levels and calendars over HTTP; follows the portfolio's events; replays service levels on request. */
export async function createDesignApp(config: DesignConfig): Promise<NestFastifyApplication> {
  const listener = new AmqpTransportStrategy({
    url: config.ITSM_AMQP_URL,
    name: 'design',
    subscriptions: [
      { queue: serviceEventsQueueSpec('design', PORTFOLIO_EVENT_TYPES), prefetch: config.ITSM_DESIGN_PREFETCH },
      // One replay at a time: each sends every calendar and service level.
      { queue: serviceLevelReplayQueueSpec(), prefetch: 1 },
    ],
  });
  const app = await createHttpApp(DesignModule.forRoot(config, listener), {
    bodyLimit: BODY_LIMIT_BYTES,
    log: { service: 'design', level: config.ITSM_LOG_LEVEL, format: config.ITSM_LOG_FORMAT },
    callers: { internalTokenSecrets: internalTokenSecrets(config) },
  });
  connectAmqpTransport(app, listener);
  return app;
}
