import { IMPORT_BODY_LIMIT, createHttpApp } from '@itsm/service-runtime';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { GatewayConfig } from './gateway.config';
import { GatewayModule } from './gateway.module';
import { hardenHttp } from './http-hardening';
import { serveOpenApi } from './openapi';

export async function createGatewayApp(config: GatewayConfig): Promise<NestFastifyApplication> {
  const app = await createHttpApp(GatewayModule.forRoot(config), {
    bodyLimit: config.ITSM_BODY_LIMIT_BYTES,
    routeBodyLimits: { [IMPORT_BODY_LIMIT]: config.ITSM_IMPORT_BODY_LIMIT_BYTES },
    log: { service: 'gateway', level: config.ITSM_LOG_LEVEL, format: config.ITSM_LOG_FORMAT },
    callers: 'edge', // authenticates end users' bearer tokens itself (AuthModule)
  });
  await hardenHttp(app, config);
  serveOpenApi(app);
  return app;
}
