import 'reflect-metadata';
import { loadConfig } from '@itsm/config';
import { listen, runMain, serveAppMetrics } from '@itsm/service-runtime';
import { createOperationApp } from './operation.app';
import { OperationConfig } from './operation.config';

runMain('operation', async () => {
  const config = loadConfig(OperationConfig);
  const app = await createOperationApp(config);
  await app.startAllMicroservices();
  await serveAppMetrics(app, config.ITSM_METRICS_PORT);
  await listen(app, config.ITSM_OPERATION_PORT, `operation[${config.ITSM_OPERATION_ROLES.join(',')}]`);
});
