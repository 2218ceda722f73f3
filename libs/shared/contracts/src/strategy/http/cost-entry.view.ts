import { CostEntryFieldsV1 } from '../messages/financials-fields.v1';
import { LedgerEntryView } from './ledger-entry.view';

/** An entry of the cost ledger, as recorded; never changed. */
export class CostEntryView extends LedgerEntryView(CostEntryFieldsV1) {}
