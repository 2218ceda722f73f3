import { addVersionedFields } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** The `freeze_windows` collection: blackout periods (instants as BSON dates), stored through FreezeWindowRepository. */
@Schema({ collection: 'freeze_windows', versionKey: false, strict: false })
export class FreezeWindowRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  name!: string;
}

export const FreezeWindowSchema = SchemaFactory.createForClass(FreezeWindowRecord);
addVersionedFields(FreezeWindowSchema);
