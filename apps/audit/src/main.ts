import 'reflect-metadata';
import { loadConfig } from '@itsm/config';
import { listen, runMain } from '@itsm/service-runtime';
import { createAuditApp } from './audit.app';
import { AuditConfig } from './audit.config';

runMain('audit', async () => {
  const config = loadConfig(AuditConfig);
  const app = await createAuditApp(config);
  await app.startAllMicroservices();
  await listen(app, config.ITSM_AUDIT_PORT, 'audit');
});
