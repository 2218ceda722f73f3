import { addVersionedFields } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The `major_incidents` collection, owned by the operation service: the major-incident procedure of an
 * incident, under the incident's id (so one per incident: a second proposal hits the id, 409). Holds
 * `MajorIncidentFields`, decided by `@itsm/operation/incident-domain` (`major-incident.ts`), so the schema stays open.
 */
@Schema({ collection: 'major_incidents', versionKey: false, strict: false })
export class MajorIncidentRecord {
  @Prop({ type: String, required: true })
  _id!: string;
}

export const MajorIncidentSchema = SchemaFactory.createForClass(MajorIncidentRecord);
addVersionedFields(MajorIncidentSchema);
// The unfiltered list (newest first) reads the `_id` index itself.
// The open major incidents (`open: true`) and the review sweep: an equality on a top-level flag, indexed on FerretDB too.
MajorIncidentSchema.index({ open: 1, _id: -1 });
MajorIncidentSchema.index({ state: 1, _id: -1 });
