import { DemandFieldsV1 } from '../messages/demand-fields.v1';

/** Body of POST /api/v1/demands: a business unit's demand, linked to existing portfolio services. */
export class RecordDemandRequest extends DemandFieldsV1 {}
