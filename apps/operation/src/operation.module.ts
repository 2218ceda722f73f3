import { INCIDENT_INTAKE_QUEUE } from '@itsm/contracts';
import { ListenerStatus, MessagePublisher, MessagingModule, QueueLengthLimitKeeper, brokerManagement } from '@itsm/messaging';
import { IncidentsIntakeModule, IncidentsQueryModule } from '@itsm/operation/incidents';
import { OutboxModule, PersistenceModule } from '@itsm/persistence';
import { HealthModule, ReadinessCheck } from '@itsm/service-runtime';
import { DynamicModule, Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
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
        ...(intake ? [MessagingModule.forRoot({ url: config.ITSM_AMQP_URL, name: 'operation-outbox' }), OutboxModule.forRoot(), IncidentsIntakeModule] : []),
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
      providers: intake ? [intakeLengthLimit(config)] : [],
    };
  }
}

/** The intake role keeps the intake queue bounded as configured (see ITSM_INTAKE_MAX_LENGTH). */
function intakeLengthLimit(config: OperationConfig) {
  return {
    provide: QueueLengthLimitKeeper,
    useFactory: () =>
      new QueueLengthLimitKeeper(brokerManagement(config.ITSM_AMQP_URL, config.ITSM_AMQP_MANAGEMENT_URL), INCIDENT_INTAKE_QUEUE, {
        maxMessages: config.ITSM_INTAKE_MAX_LENGTH,
        maxBytes: config.ITSM_INTAKE_MAX_LENGTH_BYTES,
      }),
  };
}
