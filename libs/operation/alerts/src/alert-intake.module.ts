import { ConfigurationItemCatalogModule } from '@itsm/operation/configuration-items';
import { IncidentLifecycleOptions, IncidentsLifecycleModule } from '@itsm/operation/incidents';
import { ServiceLevelCatalogModule } from '@itsm/operation/service-levels';
import { DynamicModule, Module } from '@nestjs/common';
import { AlertsPersistenceModule } from './alerts-persistence.module';
import { AlertIncidentActions } from './receive-alerts/alert-incident-actions';
import { ALERT_INTAKE_OPTIONS, AlertIntakeOptions } from './receive-alerts/alert-intake.options';
import { ReceiveAlertsListener } from './receive-alerts/receive-alerts.listener';
import { ReceiveAlerts } from './receive-alerts/receive-alerts.use-case';

/**
 * The alert-intake role: consumes the alert intake queue (ReceiveAlerts) and acts on incidents through
 * operation's own paths: RegisterIncident commands to the incident intake queue, ChangeIncident for notes,
 * reopenings and resolutions (the lifecycle's changes only: no HTTP routes, no sweeps). Needs PersistenceModule,
 * MessagingModule (declaring the incident intake queue it publishes to) and OutboxModule.
 */
@Module({})
export class AlertIntakeModule {
  static forRoot(options: AlertIntakeOptions, lifecycle: IncidentLifecycleOptions): DynamicModule {
    return {
      module: AlertIntakeModule,
      imports: [AlertsPersistenceModule, ServiceLevelCatalogModule, ConfigurationItemCatalogModule, IncidentsLifecycleModule.changesOnly(lifecycle)],
      controllers: [ReceiveAlertsListener],
      providers: [{ provide: ALERT_INTAKE_OPTIONS, useValue: options }, AlertIncidentActions, ReceiveAlerts],
    };
  }
}
