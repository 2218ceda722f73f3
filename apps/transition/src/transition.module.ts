import { ListenerStatus, MessagePublisher, MessagingModule } from '@itsm/messaging';
import { OutboxModule, PersistenceModule } from '@itsm/persistence';
import { HealthModule, ReadinessCheck } from '@itsm/service-runtime';
import { CmdbModule } from '@itsm/transition/cmdb';
import { DynamicModule, Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { ChangesModule, CmdbItemGraph } from '@itsm/transition/changes';
import { TransitionConfig } from './transition.config';

@Module({})
export class TransitionModule {
  static forRoot(config: TransitionConfig, listener: ListenerStatus): DynamicModule {
    return {
      module: TransitionModule,
      imports: [
        PersistenceModule.forRoot({ uri: config.ITSM_MONGO_URL, dbName: config.ITSM_TRANSITION_DB }),
        MessagingModule.forRoot({ url: config.ITSM_AMQP_URL, name: 'transition' }),
        OutboxModule.forRoot(),
        CmdbModule,
        // Changes read the CMDB's items and relationships (parents, children, criticality, services) through its lookup.
        ChangesModule.forRoot({ imports: [CmdbModule], itemGraph: { useClass: CmdbItemGraph } }),
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
