import { BY_NAME, addVersionedFields, indexPageOrder } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** The `ci_classes` collection, owned by the transition service; stored through CiClassRepository. */
@Schema({ collection: 'ci_classes', versionKey: false })
export class CiClassRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  /** Unique: items and imports name their class by it. */
  @Prop({ required: true, unique: true })
  key!: string;

  @Prop({ required: true })
  name!: string;

  @Prop()
  description?: string;

  @Prop({ type: [Object], required: true })
  attributes!: Array<Record<string, unknown>>;

  @Prop({ required: true })
  builtIn!: boolean;
}

export const CiClassSchema = SchemaFactory.createForClass(CiClassRecord);
addVersionedFields(CiClassSchema);
indexPageOrder(CiClassSchema, BY_NAME);
