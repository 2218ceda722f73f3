import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { GatewayConfig } from './gateway.config';

/**
 * Edge protections for a JSON API: strict security headers (nothing may be
 * framed or loaded from its responses), CORS only for configured origins, and
 * a per-address request budget answered with 429 and Retry-After.
 */
export async function hardenHttp(app: NestFastifyApplication, config: GatewayConfig): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
  await app.register(cors, {
    origin: config.ITSM_CORS_ORIGINS,
    methods: ['GET', 'POST', 'PUT'], // the methods the API's routes use (revisions are PUT)
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-correlation-id'],
    exposedHeaders: ['location', 'retry-after', 'x-correlation-id'],
    maxAge: 600,
  });
  await app.register(rateLimit, {
    max: config.ITSM_RATE_LIMIT_PER_ADDRESS,
    timeWindow: 60_000,
    // Probes come from the kubelet and must never be throttled.
    allowList: (request) => request.url.startsWith('/health/'),
  });
}
