import { addVersionedFields } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** The `releases` collection: releases as `applyReleaseCommand` leaves them (instants as BSON dates), stored through ReleaseRepository. */
@Schema({ collection: 'releases', versionKey: false, strict: false })
export class ReleaseRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true, index: true })
  stage!: string;
}

export const ReleaseSchema = SchemaFactory.createForClass(ReleaseRecord);
addVersionedFields(ReleaseSchema);
