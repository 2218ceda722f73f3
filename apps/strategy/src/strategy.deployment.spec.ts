import { describeDeployment } from '@itsm/testing';
import { StrategyConfig } from './strategy.config';

describeDeployment('strategy', StrategyConfig, (config) => config.ITSM_STRATEGY_PORT);
