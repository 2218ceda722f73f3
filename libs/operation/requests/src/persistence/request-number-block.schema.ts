import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** The `request_number_blocks` collection: one document per block of request numbers claimed by an instance (BlockNumberAllocator). */
@Schema({ collection: 'request_number_blocks', versionKey: false })
export class RequestNumberBlockRecord {
  @Prop({ type: Number, required: true })
  _id!: number;

  @Prop({ required: true })
  claimedAt!: Date;
}

export const RequestNumberBlockSchema = SchemaFactory.createForClass(RequestNumberBlockRecord);
