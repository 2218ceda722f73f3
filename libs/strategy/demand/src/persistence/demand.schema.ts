import { addVersionedFields } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The `demands` collection, owned by the strategy service. Fields are
 * validated by the DemandFieldsV1 contract before they are stored through
 * DemandRepository, so the schema stays open.
 */
@Schema({ collection: 'demands', versionKey: false, strict: false })
export class DemandRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  title!: string;

  @Prop({ required: true, index: true })
  state!: string;

  @Prop({ required: true, index: true })
  businessUnit!: string;
}

export const DemandSchema = SchemaFactory.createForClass(DemandRecord);
addVersionedFields(DemandSchema);
