import { Page, PageRequest } from '@itsm/contracts';
import { CostCategory } from '@itsm/contracts/strategy';
import { VersionedDocumentStore, VersionedRecord, OutboxRelays } from '@itsm/persistence';
import { MonthRange } from '@itsm/strategy/finance-domain';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { BY_DATE_INCURRED, CostEntryRecord } from './cost-entry.schema';
import { inMonths } from './ledger-month-filter';

/** A cost entry as the `cost_entries` collection keeps it: the recorded fields (amount with two decimals), the month index of `incurredOn`, and who recorded it. */
export interface CostEntryFields {
  serviceId: string;
  category: CostCategory;
  /** Decimal amount with two decimals, in the platform's currency. */
  amount: string;
  /** ISO date (YYYY-MM-DD). */
  incurredOn: string;
  description: string;
  reference?: string;
  monthIndex: number;
  recordedBy?: string;
}
export type StoredCostEntry = VersionedRecord<CostEntryFields>;

/** The cost ledger: entries are only ever defined (version 1), never revised. */
@Injectable()
export class CostEntryRepository extends VersionedDocumentStore<CostEntryFields> {
  constructor(@InjectModel(CostEntryRecord.name) entries: Model<CostEntryRecord>, relays: OutboxRelays) {
    super(entries.collection, relays);
  }

  /** Every entry incurred in `range` (all without one), of one service or all; by date, then in the order recorded. */
  async incurredIn(range: MonthRange | undefined, serviceId?: string): Promise<StoredCostEntry[]> {
    return this.query({ serviceId, ...inMonths(range) }, BY_DATE_INCURRED);
  }

  /** One page of them. */
  async incurredInPage(range: MonthRange | undefined, serviceId: string | undefined, request: PageRequest): Promise<Page<StoredCostEntry>> {
    return this.page(BY_DATE_INCURRED, request, { serviceId, ...inMonths(range) });
  }
}


