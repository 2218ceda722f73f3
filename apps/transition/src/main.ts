import 'reflect-metadata';
import { loadConfig } from '@itsm/config';
import { listen, runMain, serveAppMetrics } from '@itsm/service-runtime';
import { createTransitionApp } from './transition.app';
import { TransitionConfig } from './transition.config';

runMain('transition', async () => {
  const config = loadConfig(TransitionConfig);
  const app = await createTransitionApp(config);
  await app.startAllMicroservices();
  await serveAppMetrics(app, config.ITSM_METRICS_PORT);
  await listen(app, config.ITSM_TRANSITION_PORT, 'transition');
});
