import { OutboxFields, addOutbox } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** The `service_levels` collection (SLAs, OLAs, underpinning contracts), owned by the design service. */
@Schema({ collection: 'service_levels', versionKey: false, strict: false })
export class ServiceLevelRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  name!: string;

  @Prop({ required: true })
  version!: number;
}

export type ServiceLevelDocument = ServiceLevelRecord & OutboxFields;

export const ServiceLevelSchema = SchemaFactory.createForClass(ServiceLevelRecord);
addOutbox(ServiceLevelSchema);
