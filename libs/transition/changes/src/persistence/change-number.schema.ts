import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** The `change_numbers` collection: one counter document per kind of number (`change`). */
@Schema({ collection: 'change_numbers', versionKey: false })
export class ChangeNumberRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  last!: number;
}

export const ChangeNumberSchema = SchemaFactory.createForClass(ChangeNumberRecord);
