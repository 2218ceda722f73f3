import { Module } from '@nestjs/common';
import { AlertRuleQueryController } from './alert-rule-query/alert-rule-query.controller';
import { AlertSourceQueryController } from './alert-source-query/alert-source-query.controller';
import { AlertsPersistenceModule } from './alerts-persistence.module';
import { DefineAlertRuleController } from './define-alert-rule/define-alert-rule.controller';
import { DefineAlertRule } from './define-alert-rule/define-alert-rule.use-case';
import { IncidentAlertsQueryController } from './incident-alerts-query/incident-alerts-query.controller';
import { RegisterAlertSourceController } from './register-alert-source/register-alert-source.controller';
import { RegisterAlertSource } from './register-alert-source/register-alert-source.use-case';

/**
 * Alert sources and alert rules managed over HTTP by the gateway, the sources' credential check data, and
 * the alerts of an incident (operation's query role). Needs PersistenceModule, MessagingModule and OutboxModule.
 */
@Module({
  imports: [AlertsPersistenceModule],
  controllers: [RegisterAlertSourceController, AlertSourceQueryController, DefineAlertRuleController, AlertRuleQueryController, IncidentAlertsQueryController],
  providers: [RegisterAlertSource, DefineAlertRule],
})
export class AlertsModule {}
