import { BY_ORDER, addVersionedFields, indexPageOrder } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The `routing_rules` collection, owned by the operation service. Its documents hold RoutingRuleFields,
 * validated by the RoutingRuleFieldsV1 contract before they are stored through RoutingRuleRepository.
 */
@Schema({ collection: 'routing_rules', versionKey: false, strict: false })
export class RoutingRuleRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  order!: number;
}

export const RoutingRuleSchema = SchemaFactory.createForClass(RoutingRuleRecord);
addVersionedFields(RoutingRuleSchema);
indexPageOrder(RoutingRuleSchema, BY_ORDER);
// The list of one group's rules (`groupId`), in order.
RoutingRuleSchema.index({ groupId: 1, order: 1, _id: 1 });
