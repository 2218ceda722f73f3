import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The `change_groups` collection: transition's copy of operation's assignment groups (from their
 * defined/revised events), kept for the manager who approves a low-risk change of the group.
 */
@Schema({ collection: 'change_groups', versionKey: false })
export class ChangeGroupRecord {
  /** The assignment group's id. */
  @Prop({ type: String, required: true })
  _id!: string;

  /** The group's version the copy holds: an older event never overwrites a newer one. */
  @Prop({ required: true })
  version!: number;

  @Prop({ type: String })
  managerId?: string;

  @Prop({ required: true })
  active!: boolean;
}

export const ChangeGroupSchema = SchemaFactory.createForClass(ChangeGroupRecord);
