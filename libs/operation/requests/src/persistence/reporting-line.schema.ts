import { addVersionedFields } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The `reporting_lines` collection, owned by the operation service: who each user reports to, one
 * versioned document per user under the user's id (ReportingLineRepository), read when a request needs
 * its requester's manager to approve.
 */
@Schema({ collection: 'reporting_lines', versionKey: false, strict: false })
export class ReportingLineRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  managerId!: string;
}

export const ReportingLineSchema = SchemaFactory.createForClass(ReportingLineRecord);
addVersionedFields(ReportingLineSchema);
