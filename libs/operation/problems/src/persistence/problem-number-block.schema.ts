import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** The `problem_number_blocks` collection: one document per block of problem numbers claimed (BlockNumberAllocator). */
@Schema({ collection: 'problem_number_blocks', versionKey: false })
export class ProblemNumberBlockRecord {
  @Prop({ type: Number, required: true })
  _id!: number;

  @Prop({ required: true })
  claimedAt!: Date;
}

export const ProblemNumberBlockSchema = SchemaFactory.createForClass(ProblemNumberBlockRecord);
