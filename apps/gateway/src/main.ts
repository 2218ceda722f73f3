import 'reflect-metadata';
import { loadConfig } from '@itsm/config';
import { listen, runMain, serveAppMetrics } from '@itsm/service-runtime';
import { createGatewayApp } from './gateway.app';
import { GatewayConfig } from './gateway.config';

runMain('gateway', async () => {
  const config = loadConfig(GatewayConfig);
  const app = await createGatewayApp(config);
  await serveAppMetrics(app, config.ITSM_METRICS_PORT);
  await listen(app, config.ITSM_GATEWAY_PORT, 'gateway');
});
