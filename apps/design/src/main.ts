import 'reflect-metadata';
import { loadConfig } from '@itsm/config';
import { listen, runMain, serveAppMetrics } from '@itsm/service-runtime';
import { createDesignApp } from './design.app';
import { DesignConfig } from './design.config';

runMain('design', async () => {
  const config = loadConfig(DesignConfig);
  const app = await createDesignApp(config);
  await app.startAllMicroservices();
  await serveAppMetrics(app, config.ITSM_METRICS_PORT);
  await listen(app, config.ITSM_DESIGN_PORT, 'design');
});
