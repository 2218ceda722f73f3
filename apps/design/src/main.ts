import 'reflect-metadata';
import { loadConfig } from '@itsm/config';
import { createHttpApp, listen, runMain } from '@itsm/service-runtime';
import { DesignConfig } from './design.config';
import { DesignModule } from './design.module';

const BODY_LIMIT_BYTES = 256 * 1024;

runMain('design', async () => {
  const config = loadConfig(DesignConfig);
  const app = await createHttpApp(DesignModule.forRoot(config), { bodyLimit: BODY_LIMIT_BYTES, logLevel: config.ITSM_LOG_LEVEL });
  await listen(app, config.ITSM_DESIGN_PORT, 'design');
});
