import { BY_NAME, addVersionedFields, indexPageOrder } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** The `change_templates` collection: pre-authorised templates of standard changes, stored through ChangeTemplateRepository. */
@Schema({ collection: 'change_templates', versionKey: false, strict: false })
export class ChangeTemplateRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  name!: string;
}

export const ChangeTemplateSchema = SchemaFactory.createForClass(ChangeTemplateRecord);
addVersionedFields(ChangeTemplateSchema);
indexPageOrder(ChangeTemplateSchema, BY_NAME);
