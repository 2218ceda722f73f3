import { ModelDefinition } from '@nestjs/mongoose';
import { AlertCorrelationRecord, AlertCorrelationSchema } from './alert-correlation.schema';
import { AlertRuleRecord, AlertRuleSchema } from './alert-rule.schema';
import { AlertSourceRecord, AlertSourceSchema } from './alert-source.schema';

/** The models of alert intake's collections, for MongooseModule.forFeature. */
export const ALERT_MODELS: ModelDefinition[] = [
  { name: AlertSourceRecord.name, schema: AlertSourceSchema },
  { name: AlertRuleRecord.name, schema: AlertRuleSchema },
  { name: AlertCorrelationRecord.name, schema: AlertCorrelationSchema },
];
