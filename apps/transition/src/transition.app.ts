import { internalTokenSecrets } from '@itsm/config';
import { AmqpTransportStrategy, configurationItemReplayQueueSpec, connectAmqpTransport, serviceEventsQueueSpec } from '@itsm/messaging';
import { IMPORT_BODY_LIMIT, createHttpApp } from '@itsm/service-runtime';
import { DESIGN_SERVICE_EVENT_TYPES } from '@itsm/transition/cmdb';
import { CHANGE_FOLLOWED_EVENT_TYPES } from '@itsm/transition/changes';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TransitionConfig } from './transition.config';
import { TransitionModule } from './transition.module';

/** Every route but the CMDB imports (ITSM_IMPORT_BODY_LIMIT_BYTES): the gateway forwards no larger body to them (its ITSM_BODY_LIMIT_BYTES, 64 KiB by default). */
const BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Event types transition follows (the bindings of itsm.transition.events): other services', and its own
 * facts that make or end conflicts of changes; each feature library exports the types its listeners
 * handle, and they are listed here.
 */
const FOLLOWED_EVENT_TYPES: readonly string[] = [...DESIGN_SERVICE_EVENT_TYPES, ...CHANGE_FOLLOWED_EVENT_TYPES];

/** The transition service: CMDB, change enablement, change calendar and releases over HTTP; follows other services' events; replays the CMDB's items on request. */
export async function createTransitionApp(config: TransitionConfig): Promise<NestFastifyApplication> {
  const listener = new AmqpTransportStrategy({
    url: config.ITSM_AMQP_URL,
    name: 'transition',
    subscriptions: [
      { queue: serviceEventsQueueSpec('transition', FOLLOWED_EVENT_TYPES), prefetch: config.ITSM_TRANSITION_PREFETCH },
      // One replay at a time: each streams every configuration item.
      { queue: configurationItemReplayQueueSpec(), prefetch: 1 },
    ],
  });
  const app = await createHttpApp(TransitionModule.forRoot(config, listener), {
    bodyLimit: BODY_LIMIT_BYTES,
    routeBodyLimits: { [IMPORT_BODY_LIMIT]: config.ITSM_IMPORT_BODY_LIMIT_BYTES },
    log: { service: 'transition', level: config.ITSM_LOG_LEVEL, format: config.ITSM_LOG_FORMAT },
    callers: { internalTokenSecrets: internalTokenSecrets(config) },
  });
  connectAmqpTransport(app, listener);
  return app;
}
