import { AssessDemandRequest, DecideDemandRequest, PortfolioDecisionRequest, ProposeServiceRequest, RecordDemandRequest } from '@itsm/contracts';
import { ServiceHttpClient } from '@itsm/service-runtime';
import { DynamicModule, Module } from '@nestjs/common';
import { DemandsController } from './demands.controller';
import { PortfolioController } from './portfolio.controller';
import { STRATEGY_CLIENT } from './strategy-client';

/** Request bodies whose OpenAPI schemas the gateway generates from their validation rules. */
export const STRATEGY_API_REQUEST_BODIES = [ProposeServiceRequest, PortfolioDecisionRequest, RecordDemandRequest, AssessDemandRequest, DecideDemandRequest];

/** Public service-strategy routes (portfolio, demand, financials), answered by the strategy service. */
@Module({})
export class StrategyApiModule {
  static forRoot(options: { strategyUrl: string }): DynamicModule {
    return {
      module: StrategyApiModule,
      controllers: [PortfolioController, DemandsController],
      providers: [{ provide: STRATEGY_CLIENT, useValue: new ServiceHttpClient(options.strategyUrl, 'strategy') }],
    };
  }
}
