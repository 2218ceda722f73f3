import { CloudEvent, StateConflictError, createCloudEvent } from '@itsm/contracts';
import { DefineReportingLineRequest, REPORTING_LINE_DEFINED_V1 } from '@itsm/contracts/operation';
import { VersionedState, isDuplicateKeyError } from '@itsm/persistence';
import { RequestOrigin } from '@itsm/service-runtime';
import { Injectable } from '@nestjs/common';
import { ReportingLineFields, ReportingLineRepository, StoredReportingLine } from '../persistence/reporting-line.repository';

/**
 * Sets who a user reports to (the manager who approves their requests where an item asks for the
 * requester's manager), with `itsm.operation.reporting-line.defined.v1`. Without `expectedVersion` the
 * line is set for the first time (409 when the user has one: read it and revise); with it, revised if
 * still current (409 otherwise; 404 when the user has none).
 */
@Injectable()
export class DefineReportingLine {
  constructor(private readonly lines: ReportingLineRepository) {}

  async execute({ userId, managerId, expectedVersion }: DefineReportingLineRequest, origin: RequestOrigin): Promise<StoredReportingLine> {
    const emit = (state: VersionedState<ReportingLineFields>): CloudEvent[] => [
      createCloudEvent(REPORTING_LINE_DEFINED_V1, state.id, { userId: state.id, managerId: state.fields.managerId, version: state.version }, { service: 'operation', ...origin }, state.at),
    ];
    if (expectedVersion !== undefined) return (await this.lines.reviseFrom(userId, expectedVersion, { managerId }, emit)).record;
    try {
      return (await this.lines.define(userId, { managerId }, emit)).record;
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new StateConflictError(`${userId} already has a reporting line; revise it with the expectedVersion read`);
      throw error;
    }
  }
}
