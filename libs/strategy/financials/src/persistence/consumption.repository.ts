
import { Page, PageRequest } from '@itsm/contracts';
import { VersionedDocumentStore, VersionedRecord, OutboxRelays } from '@itsm/persistence';
import { MonthRange } from '@itsm/strategy/finance-domain';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { BY_MONTH, ConsumptionRecord } from './consumption.schema';
import { inMonths } from './ledger-month-filter';

/** A consumption record as the `consumption` collection keeps it: the recorded fields, the month index chargeback finds it by, and who recorded it. */
export interface ConsumptionFields {
  serviceId: string;
  businessUnit: string;
  /** YYYY-MM. */
  month: string;
  units: number;
  reference?: string;
  monthIndex: number;
  recordedBy?: string;
}
export type StoredConsumption = VersionedRecord<ConsumptionFields>;

export interface ConsumptionFilter {
  serviceId?: string;
  businessUnit?: string;
}

/** Consumption records: only ever defined (version 1), never revised. */
@Injectable()
export class ConsumptionRepository extends VersionedDocumentStore<ConsumptionFields> {
  constructor(@InjectModel(ConsumptionRecord.name) records: Model<ConsumptionRecord>, relays: OutboxRelays) {
    super(records.collection, relays);
  }

  /** Every record of months in `range` (all without one); by month, then in the order recorded. */
  async consumedIn(range: MonthRange | undefined, { serviceId, businessUnit }: ConsumptionFilter = {}): Promise<StoredConsumption[]> {
    return this.query({ serviceId, businessUnit, ...inMonths(range) }, BY_MONTH);
  }

  /** One page of them. */
  async consumedInPage(range: MonthRange | undefined, { serviceId, businessUnit }: ConsumptionFilter, request: PageRequest): Promise<Page<StoredConsumption>> {
    return this.page(BY_MONTH, request, { serviceId, businessUnit, ...inMonths(range) });
  }
}


