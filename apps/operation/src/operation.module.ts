import { ALERT_INTAKE_QUEUE, INCIDENT_INTAKE_QUEUE } from '@itsm/contracts';
import { ListenerStatus, MessagePublisher, MessagingModule, QueueLengthLimitKeeper, brokerManagement, configurationItemReplayQueueSpec, incidentIntakeQueueSpec, serviceLevelReplayQueueSpec } from '@itsm/messaging';
import { AlertIntakeModule, AlertsModule } from '@itsm/operation/alerts';
import { AssignmentModule } from '@itsm/operation/assignment';
import { ConfigurationItemSyncModule } from '@itsm/operation/configuration-items';
import { IncidentLifecycleOptions, IncidentsIntakeModule, IncidentsLifecycleModule, IncidentsQueryModule, IntakeRejectionsModule } from '@itsm/operation/incidents';
import { ProblemIncidentEffectsModule, ProblemsModule } from '@itsm/operation/problems';
import { RequestsModule, RequestsOptions } from '@itsm/operation/requests';
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
    const alertIntake = config.ITSM_OPERATION_ROLES.includes('alert-intake');
    return {
      module: OperationModule,
      imports: [
        PersistenceModule.forRoot({ uri: config.ITSM_MONGO_URL, dbName: config.ITSM_OPERATION_DB }),
        // Both roles write events through the outbox: intake its incidents, query the assignment groups, routing rules and incident changes.
        MessagingModule.forRoot({
          url: config.ITSM_AMQP_URL,
          name: 'operation-outbox',
          // Intake declares its own event queue too, before it asks design and transition for a replay into it (ServiceLevelSyncModule, ConfigurationItemSyncModule).
          ...(intake || alertIntake
            ? {
                publishesToQueues: [
                  ...(intake ? [serviceLevelReplayQueueSpec(), configurationItemReplayQueueSpec(), operationEventsQueueSpec()] : []),
                  // Alert intake registers incidents through the incident intake queue, declared first so none is lost.
                  ...(alertIntake ? [incidentIntakeQueueSpec()] : []),
                ],
              }
            : {}),
        }),
        OutboxModule.forRoot(),
        ...(intake ? [IncidentsIntakeModule, ServiceLevelSyncModule, ConfigurationItemSyncModule, ProblemIncidentEffectsModule.forRoot(lifecycleOptions(config))] : []),
        ...(query ? [IncidentsQueryModule, AssignmentModule, IncidentsLifecycleModule.forRoot(lifecycleOptions(config)), ProblemsModule, RequestsModule.forRoot(requestsOptions(config)), AlertsModule] : []),
        ...(alertIntake ? [AlertIntakeModule.forRoot(alertIntakeOptions(config), lifecycleOptions(config))] : []),
        // Every process on the broker shares operation's one parking monitor queue, so each records the incident reports parked there.
        ...(intake || alertIntake ? [IntakeRejectionsModule] : []),
        HealthModule.forChecks({
          inject: [getConnectionToken(), MessagePublisher],
          useFactory: (connection: Connection, publisher: MessagePublisher): ReadinessCheck[] => [
            { name: 'database', isReady: () => connection.readyState === 1 },
            { name: 'broker', isReady: () => publisher.isReady },
            ...(intakeListener ? [{ name: 'intake-listener', isReady: () => intakeListener.isConsuming }] : []),
          ],
        }),
      ],
      providers: [...(intake ? [intakeLengthLimit(config)] : []), ...(alertIntake ? [alertIntakeLengthLimit(config)] : [])],
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

/** The alert-intake role keeps the alert intake queue bounded as configured (ITSM_ALERT_INTAKE_MAX_LENGTH), by a policy of its own. */
function alertIntakeLengthLimit(config: OperationConfig) {
  return {
    provide: ALERT_INTAKE_LENGTH_LIMIT,
    useFactory: () =>
      new QueueLengthLimitKeeper(brokerManagement(config.ITSM_AMQP_URL, config.ITSM_AMQP_MANAGEMENT_URL), ALERT_INTAKE_QUEUE, {
        maxMessages: config.ITSM_ALERT_INTAKE_MAX_LENGTH,
        maxBytes: config.ITSM_INTAKE_MAX_LENGTH_BYTES,
      }),
  };
}

const ALERT_INTAKE_LENGTH_LIMIT = Symbol('ALERT_INTAKE_LENGTH_LIMIT');

/** Alert correlation from the config (seconds to ms). */
export function alertIntakeOptions(config: OperationConfig) {
  return { windowMs: config.ITSM_ALERT_CORRELATION_WINDOW_SECONDS * 1000, flapDampingMs: config.ITSM_ALERT_FLAP_DAMPING_SECONDS * 1000 };
}

/** The lifecycle's rules and sweep from the config (seconds to ms; business time on the configured calendar, 24x7 without one). */
export function lifecycleOptions(config: OperationConfig): IncidentLifecycleOptions {
  return {
    rules: {
      autoCloseAfterMs: config.ITSM_INCIDENT_AUTO_CLOSE_AFTER_SECONDS * 1000,
      callerReopenWithinMs: config.ITSM_INCIDENT_CALLER_REOPEN_WITHIN_SECONDS * 1000,
      calendar: null,
    },
    calendarId: config.ITSM_INCIDENT_LIFECYCLE_CALENDAR_ID === '' ? undefined : config.ITSM_INCIDENT_LIFECYCLE_CALENDAR_ID,
    autoCloseSweepMs: config.ITSM_INCIDENT_AUTO_CLOSE_SWEEP_SECONDS * 1000,
    slaSweepMs: config.ITSM_SLA_SWEEP_SECONDS * 1000,
  };
}

/** Request fulfilment's calendar and delivery-clock sweep from the config (the incidents' SLA sweep period). */
export function requestsOptions(config: OperationConfig): RequestsOptions {
  return {
    ...(config.ITSM_REQUEST_CALENDAR_ID === '' ? {} : { calendarId: config.ITSM_REQUEST_CALENDAR_ID }),
    slaSweepMs: config.ITSM_SLA_SWEEP_SECONDS * 1000,
  };
}
