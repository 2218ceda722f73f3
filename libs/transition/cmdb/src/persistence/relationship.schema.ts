import { addOutbox } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The `ci_relationships` collection, owned by the transition service; stored through RelationshipRepository.
 * `_id` is made from type, from and to (`relationshipIdOf`), so a relationship is stored at most once.
 * `dependent` and `dependency` say which end depends on which, so each direction of an impact walk is
 * one indexed equality per item: upstream `{dependency: item}`, downstream `{dependent: item}`.
 */
@Schema({ collection: 'ci_relationships', versionKey: false })
export class RelationshipRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  type!: string;

  @Prop({ required: true })
  fromItemId!: string;

  @Prop({ required: true })
  toItemId!: string;

  @Prop({ required: true, index: true })
  dependent!: string;

  @Prop({ required: true, index: true })
  dependency!: string;

  @Prop({ required: true })
  createdAt!: Date;
}

export const RelationshipSchema = SchemaFactory.createForClass(RelationshipRecord);
addOutbox(RelationshipSchema);
