import 'reflect-metadata';
import { internalTokenSecrets, loadConfig } from '@itsm/config';
import { createHttpApp, listen, runMain, serveAppMetrics } from '@itsm/service-runtime';
import { StrategyConfig } from './strategy.config';
import { StrategyModule } from './strategy.module';

const BODY_LIMIT_BYTES = 256 * 1024;

runMain('strategy', async () => {
  const config = loadConfig(StrategyConfig);
  const app = await createHttpApp(StrategyModule.forRoot(config), {
    bodyLimit: BODY_LIMIT_BYTES,
    log: { service: 'strategy', level: config.ITSM_LOG_LEVEL, format: config.ITSM_LOG_FORMAT },
    callers: { internalTokenSecrets: internalTokenSecrets(config) },
  });
  await serveAppMetrics(app, config.ITSM_METRICS_PORT);
  await listen(app, config.ITSM_STRATEGY_PORT, 'strategy');
});
