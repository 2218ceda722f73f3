import { ConsumptionFieldsV1 } from '../messages/financials-fields.v1';
import { LedgerEntryView } from './ledger-entry.view';

/** A consumption record, as recorded; never changed. */
export class ConsumptionView extends LedgerEntryView(ConsumptionFieldsV1) {}
