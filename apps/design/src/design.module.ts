import { CalendarsModule } from '@itsm/design/calendars';
import { ServiceCatalogueModule } from '@itsm/design/service-catalogue';
import { ServiceLevelsModule } from '@itsm/design/service-levels';
import { ListenerStatus, MessagePublisher, MessagingModule } from '@itsm/messaging';
import { OutboxModule, PersistenceModule } from '@itsm/persistence';
import { HealthModule, ReadinessCheck } from '@itsm/service-runtime';
import { DynamicModule, Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { DesignConfig } from './design.config';

@Module({})
export class DesignModule {
  static forRoot(config: DesignConfig, listener: ListenerStatus): DynamicModule {
    return {
      module: DesignModule,
      imports: [
        PersistenceModule.forRoot({ uri: config.ITSM_MONGO_URL, dbName: config.ITSM_DESIGN_DB }),
        MessagingModule.forRoot({ url: config.ITSM_AMQP_URL, name: 'design' }),
        OutboxModule.forRoot(),
        CalendarsModule,
        ServiceLevelsModule,
        ServiceCatalogueModule,
        HealthModule.forChecks({
          inject: [getConnectionToken(), MessagePublisher],
          useFactory: (connection: Connection, publisher: MessagePublisher): ReadinessCheck[] => [
            { name: 'database', isReady: () => connection.readyState === 1 },
            { name: 'broker', isReady: () => publisher.isReady },
            { name: 'event-listener', isReady: () => listener.isConsuming },
          ],
        }),
      ],
    };
  }
}
