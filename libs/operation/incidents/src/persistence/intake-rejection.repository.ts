import { IncidentReadScope } from '@itsm/operation/incident-domain';
import { OUTBOX_HIDDEN } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter } from 'mongoose';
import { IntakeRejectionDocument, IntakeRejectionRecord } from './intake-rejection.schema';

/** Reads of rejected incident reports, for the query role. */
@Injectable()
export class IntakeRejectionRepository {
  constructor(@InjectModel(IntakeRejectionRecord.name) private readonly rejections: Model<IntakeRejectionDocument>) {}

  /** The rejection of the report accepted under this incident id within `scope` (as for incidents): null when none, or not the caller's. */
  async findById(incidentId: string, scope: IncidentReadScope = {}): Promise<IntakeRejectionRecord | null> {
    const query: QueryFilter<IntakeRejectionDocument> = { _id: incidentId };
    if (scope.callerId !== undefined) query.callerId = scope.callerId;
    return this.rejections.findOne(query).select(OUTBOX_HIDDEN).lean<IntakeRejectionRecord>().exec();
  }
}
