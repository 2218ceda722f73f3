import { ConsumptionFieldsV1 } from '../messages/financials-fields.v1';

/** Body of POST /api/v1/finance/consumption: a business unit's units of a service in a month. */
export class RecordConsumptionRequest extends ConsumptionFieldsV1 {}
