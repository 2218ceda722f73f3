import { BY_NAME, addVersionedFields, indexPageOrder } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The `assignment_groups` collection, owned by the operation service. Its documents hold
 * AssignmentGroupFields, validated by the AssignmentGroupFieldsV1 contract before they are stored
 * through AssignmentGroupRepository, so the schema stays open.
 */
@Schema({ collection: 'assignment_groups', versionKey: false, strict: false })
export class AssignmentGroupRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  /** Unique: two teams of one name would make every assignment ambiguous (an insert or rename onto it is 409). */
  @Prop({ required: true, unique: true })
  name!: string;
}

export const AssignmentGroupSchema = SchemaFactory.createForClass(AssignmentGroupRecord);
addVersionedFields(AssignmentGroupSchema);
indexPageOrder(AssignmentGroupSchema, BY_NAME);
// The list filtered by member (`memberId`): a multikey index leading with the member, then the list's order.
AssignmentGroupSchema.index({ memberIds: 1, name: 1, _id: 1 });
