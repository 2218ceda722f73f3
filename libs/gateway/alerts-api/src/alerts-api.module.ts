import { ServiceHttpClient } from '@itsm/service-runtime';
import { DynamicModule, Module } from '@nestjs/common';
import { AlertIntakeController } from './alert-intake/alert-intake.controller';
import { AlertIntakePublisher } from './alert-intake/alert-intake.publisher';
import { AlertRulesController } from './alert-rules/alert-rules.controller';
import { IncidentAlertsController } from './incident-alerts/incident-alerts.controller';
import { AlertSourcesController } from './alert-sources/alert-sources.controller';
import { OPERATION_ALERTS_CLIENT } from './operation-client';

/**
 * Public alert routes: intake (Alertmanager's webhook, the generic alert), alert rules, alert sources and an
 * incident's alerts. Needs MessagingModule (declaring the alert intake queue) and AuthModule with `alertSourcesUrl`.
 */
@Module({})
export class AlertsApiModule {
  static forRoot(options: { operationQueryUrl: string }): DynamicModule {
    return {
      module: AlertsApiModule,
      controllers: [AlertIntakeController, AlertRulesController, AlertSourcesController, IncidentAlertsController],
      providers: [AlertIntakePublisher, { provide: OPERATION_ALERTS_CLIENT, useValue: new ServiceHttpClient(options.operationQueryUrl, 'operation') }],
    };
  }
}
