import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The `cmdb_event_batches` collection, owned by the transition service; written through EventBatchRepository.
 * One document per batch of records a bulk write creates (an import's items or relationships) whose events
 * are not all published yet: the events each record emits if stored, kept until they are published, then
 * deleted. A few documents at a time, so recovery reads them all.
 */
@Schema({ collection: 'cmdb_event_batches', versionKey: false })
export class EventBatchRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  /** The collection of the records the batch creates (`configuration_items`, `ci_relationships`). */
  @Prop({ required: true })
  targetCollection!: string;

  /** The records' `createdAt`: recovery recognises the records this batch stored by their id and this instant. */
  @Prop({ required: true })
  createdAt!: Date;

  /** The writer publishes the events until then; after it, any instance's recovery does. */
  @Prop({ required: true })
  until!: Date;

  /** Each record's id and the events it emits if stored. */
  @Prop({ type: [Object], required: true })
  candidates!: Array<Record<string, unknown>>;
}

export const EventBatchSchema = SchemaFactory.createForClass(EventBatchRecord);
