import { ListenerStatus, MessagePublisher, MessagingModule, serviceLevelReplayQueueSpec } from '@itsm/messaging';
import { IncidentsIntakeModule, IncidentsQueryModule } from '@itsm/operation/incidents';
import { ServiceLevelSyncModule } from '@itsm/operation/service-levels';
import { OutboxModule, PersistenceModule } from '@itsm/persistence';
import { HealthModule, ReadinessCheck } from '@itsm/service-runtime';
import { DynamicModule, Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { operationEventsQueueSpec } from './operation-queues';
import { OperationConfig } from './operation.config';

@Module({})
export class OperationModule {
  static forRoot(config: OperationConfig, intakeListener?: ListenerStatus): DynamicModule {
    const intake = config.ITSM_OPERATION_ROLES.includes('intake');
    const query = config.ITSM_OPERATION_ROLES.includes('query');
    return {
      module: OperationModule,
      imports: [
        PersistenceModule.forRoot({ uri: config.ITSM_MONGO_URL, dbName: config.ITSM_OPERATION_DB }),
        ...(intake
          ? [
              MessagingModule.forRoot({
                url: config.ITSM_AMQP_URL,
                name: 'operation-outbox',
                // Its own event queue too, before it asks design for a replay into it (ServiceLevelSyncModule).
                publishesToQueues: [serviceLevelReplayQueueSpec(), operationEventsQueueSpec()],
              }),
              OutboxModule.forRoot(),
              IncidentsIntakeModule,
              ServiceLevelSyncModule,
            ]
          : []),
        ...(query ? [IncidentsQueryModule] : []),
        HealthModule.forChecks({
          inject: [getConnectionToken(), ...(intake ? [MessagePublisher] : [])],
          useFactory: (connection: Connection, publisher?: MessagePublisher): ReadinessCheck[] => [
            { name: 'database', isReady: () => connection.readyState === 1 },
            ...(publisher ? [{ name: 'broker', isReady: () => publisher.isReady }] : []),
            ...(intakeListener ? [{ name: 'intake-listener', isReady: () => intakeListener.isConsuming }] : []),
          ],
        }),
      ],
    };
  }
}
