import { CostEntryFieldsV1 } from '../messages/financials-fields.v1';

/** Body of POST /api/v1/finance/costs: one entry of the append-only cost ledger. */
export class RecordCostRequest extends CostEntryFieldsV1 {}
