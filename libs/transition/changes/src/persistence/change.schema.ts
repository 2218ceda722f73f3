import { addVersionedFields } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The `changes` collection, owned by the transition service: each change request as
 * `applyChangeCommand` of `@itsm/transition/change-domain` leaves it (instants as BSON dates), stored
 * through ChangeRepository. The schema stays open; the domain and the contracts hold the shape.
 */
@Schema({ collection: 'changes', versionKey: false, strict: false })
export class ChangeRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true, unique: true })
  number!: string;

  @Prop({ required: true, index: true })
  state!: string;

  @Prop({ type: [String], required: true, index: true })
  itemIds!: string[];

  /** The other parties of the change's conflicts (changes, freezes, items): found by the fact about a party (ChangeRepository.entriesWithParty). */
  @Prop({ type: [String], index: true })
  conflictPartyIds?: string[];
}

export const ChangeSchema = SchemaFactory.createForClass(ChangeRecord);
addVersionedFields(ChangeSchema);
