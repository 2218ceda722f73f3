import { ListenerStatus, MessagePublisher, MessagingModule } from '@itsm/messaging';
import { IncidentLifecycleOptions, IncidentsIntakeModule, IncidentsLifecycleModule, IncidentsQueryModule } from '@itsm/operation/incidents';
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
        // Both roles write incidents with their events (intake creates them, query changes them).
        MessagingModule.forRoot({ url: config.ITSM_AMQP_URL, name: 'operation-outbox' }),
        OutboxModule.forRoot(),
        ...(intake ? [IncidentsIntakeModule] : []),
        ...(query ? [IncidentsQueryModule, IncidentsLifecycleModule.forRoot(lifecycleOptions(config))] : []),
        HealthModule.forChecks({
          inject: [getConnectionToken(), MessagePublisher],
          useFactory: (connection: Connection, publisher: MessagePublisher): ReadinessCheck[] => [
            { name: 'database', isReady: () => connection.readyState === 1 },
            { name: 'broker', isReady: () => publisher.isReady },
            ...(intakeListener ? [{ name: 'intake-listener', isReady: () => intakeListener.isConsuming }] : []),
          ],
        }),
      ],
    };
  }
}

/** The lifecycle's rules and sweep from the config (seconds to ms; no business calendar yet: 24x7). */
export function lifecycleOptions(config: OperationConfig): IncidentLifecycleOptions {
  return {
    rules: {
      autoCloseAfterMs: config.ITSM_INCIDENT_AUTO_CLOSE_AFTER_SECONDS * 1000,
      callerReopenWithinMs: config.ITSM_INCIDENT_CALLER_REOPEN_WITHIN_SECONDS * 1000,
      calendar: null,
    },
    autoCloseSweepMs: config.ITSM_INCIDENT_AUTO_CLOSE_SWEEP_SECONDS * 1000,
  };
}
