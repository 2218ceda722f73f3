import { addVersionedFields } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** The `change_boards` collection: the CAB and the emergency CAB (ids `cab`, `ecab`), stored through ChangeBoardRepository. */
@Schema({ collection: 'change_boards', versionKey: false, strict: false })
export class ChangeBoardRecord {
  @Prop({ type: String, required: true })
  _id!: string;
}

export const ChangeBoardSchema = SchemaFactory.createForClass(ChangeBoardRecord);
addVersionedFields(ChangeBoardSchema);
