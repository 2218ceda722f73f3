import { CostEntryFieldsV1 } from '../messages/financials-fields.v1';

/** An entry of the cost ledger, as recorded; never changed. */
export type CostEntryView = CostEntryFieldsV1 & { id: string; recordedBy?: string; recordedAt: string };
