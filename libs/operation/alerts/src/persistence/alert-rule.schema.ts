import { BY_ORDER, addVersionedFields, indexPageOrder } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** The `alert_rules` collection, owned by the operation service. Documents hold AlertRuleFields (the AlertRuleFieldsV1 contract's shape). */
@Schema({ collection: 'alert_rules', versionKey: false, strict: false })
export class AlertRuleRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  order!: number;
}

export const AlertRuleSchema = SchemaFactory.createForClass(AlertRuleRecord);
addVersionedFields(AlertRuleSchema);
indexPageOrder(AlertRuleSchema, BY_ORDER);
