import { MessagePublisher, MessagingModule } from '@itsm/messaging';
import { OutboxModule, PersistenceModule } from '@itsm/persistence';
import { HealthModule, ReadinessCheck } from '@itsm/service-runtime';
import { DemandModule } from '@itsm/strategy/demand';
import { FinancialsModule } from '@itsm/strategy/financials';
import { PortfolioModule } from '@itsm/strategy/portfolio';
import { DynamicModule, Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { StrategyConfig } from './strategy.config';

@Module({})
export class StrategyModule {
  static forRoot(config: StrategyConfig): DynamicModule {
    return {
      module: StrategyModule,
      imports: [
        PersistenceModule.forRoot({ uri: config.ITSM_MONGO_URL, dbName: config.ITSM_STRATEGY_DB }),
        MessagingModule.forRoot({ url: config.ITSM_AMQP_URL, name: 'strategy' }),
        OutboxModule.forRoot(),
        PortfolioModule,
        DemandModule,
        FinancialsModule.forRoot({ currency: config.ITSM_STRATEGY_CURRENCY }),
        HealthModule.forChecks({
          inject: [getConnectionToken(), MessagePublisher],
          useFactory: (connection: Connection, publisher: MessagePublisher): ReadinessCheck[] => [
            { name: 'database', isReady: () => connection.readyState === 1 },
            { name: 'broker', isReady: () => publisher.isReady },
          ],
        }),
      ],
    };
  }
}
