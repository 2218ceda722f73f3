import { addVersionedFields } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The `alert_correlations` collection, owned by the operation service: one document per correlation
 * (`_id` = `<correlation key>:<seq>`), holding its alerts (the alert-domain's Correlation). A new correlation
 * is an insert under the next `seq`, so of two alerts opening one at once exactly one wins (the other joins it);
 * every change is a version-guarded update through the store, with its events in the document's outbox.
 */
@Schema({ collection: 'alert_correlations', versionKey: false, strict: false })
export class AlertCorrelationRecord {
  @Prop({ type: String, required: true })
  _id!: string;
}

export const AlertCorrelationSchema = SchemaFactory.createForClass(AlertCorrelationRecord);
addVersionedFields(AlertCorrelationSchema);
// The last correlation of a key (equality, then the few correlations of that key sorted in memory on FerretDB).
AlertCorrelationSchema.index({ correlationKey: 1, seq: -1 });
// Deduplication: the correlation that holds an alert occurrence (a multikey index of its dedup keys).
AlertCorrelationSchema.index({ alertKeys: 1 });
// The alerts of an incident.
AlertCorrelationSchema.index({ incidentId: 1 });
