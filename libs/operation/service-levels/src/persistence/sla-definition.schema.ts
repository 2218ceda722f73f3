import { addVersionHistoryFields } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The `sla_definitions` collection, owned by the operation service: every version of design's SLA,
 * OLA and UC definitions this service has received, one document per version under
 * `<slaId>:<version>` (SlaDefinitionRepository), never changed. Documents hold SlaDefinitionFields,
 * validated by the SlaDefinedV1 contract on receipt, so the schema stays open.
 */
@Schema({ collection: 'sla_definitions', versionKey: false, strict: false })
export class SlaDefinitionRecord {
  @Prop({ type: String, required: true })
  _id!: string;
}

export const SlaDefinitionSchema = SchemaFactory.createForClass(SlaDefinitionRecord);
addVersionHistoryFields(SlaDefinitionSchema, 'slaId');
