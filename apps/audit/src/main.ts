import 'reflect-metadata';
import { loadConfig } from '@itsm/config';
import { listen, runMain, serveAppMetrics } from '@itsm/service-runtime';
import { createAuditApp } from './audit.app';
import { AuditConfig } from './audit.config';

runMain('audit', async () => {
  const config = loadConfig(AuditConfig);
  const app = await createAuditApp(config);
  await app.startAllMicroservices();
  await serveAppMetrics(app, config.ITSM_METRICS_PORT);
  await listen(app, config.ITSM_AUDIT_PORT, 'audit');
});
