import { ConsumptionFieldsV1 } from '../messages/financials-fields.v1';

/** A consumption record, as recorded; never changed. */
export type ConsumptionView = ConsumptionFieldsV1 & { id: string; recordedBy?: string; recordedAt: string };
