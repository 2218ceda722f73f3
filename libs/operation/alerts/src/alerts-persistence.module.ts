import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AlertCorrelationRepository } from './persistence/alert-correlation.repository';
import { ALERT_MODELS } from './persistence/alert-models';
import { AlertRuleRepository } from './persistence/alert-rule.repository';
import { AlertSourceRepository } from './persistence/alert-source.repository';

/** Alert intake's collections (sources, rules, correlations). Needs PersistenceModule and OutboxModule. */
@Module({
  imports: [MongooseModule.forFeature(ALERT_MODELS)],
  providers: [AlertSourceRepository, AlertRuleRepository, AlertCorrelationRepository],
  exports: [AlertSourceRepository, AlertRuleRepository, AlertCorrelationRepository],
})
export class AlertsPersistenceModule {}
