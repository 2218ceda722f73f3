import { BY_NAME, addVersionedFields, indexPageOrder } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The `alert_sources` collection, owned by the operation service: each alert source with the SHA-256 of its
 * secret (never the secret). Documents hold AlertSourceFields, written through AlertSourceRepository.
 */
@Schema({ collection: 'alert_sources', versionKey: false, strict: false })
export class AlertSourceRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  name!: string;
}

export const AlertSourceSchema = SchemaFactory.createForClass(AlertSourceRecord);
addVersionedFields(AlertSourceSchema);
indexPageOrder(AlertSourceSchema, BY_NAME);
