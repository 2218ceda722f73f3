import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The `incident_number_blocks` collection: one document per block of incident
 * numbers claimed by an intake instance. Claiming is an insert on a unique _id,
 * atomic on every MongoDB-wire server, unlike a read-modify-write counter.
 */
@Schema({ collection: 'incident_number_blocks', versionKey: false })
export class NumberBlockRecord {
  @Prop({ type: Number, required: true })
  _id!: number;

  @Prop({ required: true })
  claimedAt!: Date;
}

export const NumberBlockSchema = SchemaFactory.createForClass(NumberBlockRecord);
