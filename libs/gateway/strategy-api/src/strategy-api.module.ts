import { ServiceHttpClient } from '@itsm/service-runtime';
import { DynamicModule, Module } from '@nestjs/common';
import { DemandsController } from './demands/demands.controller';
import { FinanceController } from './finance/finance.controller';
import { PortfolioController } from './portfolio/portfolio.controller';
import { STRATEGY_CLIENT } from './strategy-client';

/** Public service-strategy routes (portfolio, demand, financials), answered by the strategy service. */
@Module({})
export class StrategyApiModule {
  static forRoot(options: { strategyUrl: string }): DynamicModule {
    return {
      module: StrategyApiModule,
      controllers: [PortfolioController, DemandsController, FinanceController],
      providers: [{ provide: STRATEGY_CLIENT, useValue: new ServiceHttpClient(options.strategyUrl, 'strategy') }],
    };
  }
}
