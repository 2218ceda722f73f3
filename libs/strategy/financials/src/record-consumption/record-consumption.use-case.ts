import { createCloudEvent, RuleViolationError, uuidV7 } from '@itsm/contracts';
import { CONSUMPTION_RECORDED_V1, ConsumptionRecordedV1, RecordConsumptionRequest } from '@itsm/contracts/strategy';
import { RequestOrigin } from '@itsm/service-runtime';
import { monthOfDate } from '@itsm/strategy/finance-domain';
import { Injectable } from '@nestjs/common';
import { ConsumptionFields, ConsumptionRepository, StoredConsumption } from '../persistence/consumption.repository';
import { PortfolioLookup } from '../persistence/portfolio.lookup';

/** Appends a business unit's consumption of a service in a month and emits itsm.strategy.consumption.recorded.v1. */
@Injectable()
export class RecordConsumption {
  constructor(
    private readonly records: ConsumptionRepository,
    private readonly portfolio: PortfolioLookup,
  ) {}

  async record(request: RecordConsumptionRequest, origin: RequestOrigin): Promise<StoredConsumption> {
    const issues = await this.portfolio.serviceIssues(request.serviceId);
    const monthIndex = monthOfDate(`${request.month}-01`);
    if (monthIndex === undefined) issues.push({ field: 'month', messages: ['month must be a month, YYYY-MM'] });
    if (issues.length > 0 || monthIndex === undefined) throw new RuleViolationError(issues);

    const { serviceId, businessUnit, month, units, reference } = request;
    const fields: ConsumptionFields = {
      serviceId,
      businessUnit,
      month,
      units,
      ...(reference === undefined ? {} : { reference }),
      monthIndex,
      ...(origin.actorId === undefined ? {} : { recordedBy: origin.actorId }),
    };
    const written = await this.records.define(uuidV7(), fields, (state) => {
      const { monthIndex: _monthIndex, recordedBy: _recordedBy, ...record } = state.fields;
      const payload: ConsumptionRecordedV1 = { ...record, entryId: state.id };
      return [createCloudEvent(CONSUMPTION_RECORDED_V1, state.id, payload, { service: 'strategy', ...origin }, state.at)];
    });
    return written.record;
  }
}
