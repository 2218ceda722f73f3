import { CostItemV1 } from '../messages/financials-fields.v1';

/** A service's cost model; its id is the service id. */
export type CostModelView = { id: string; serviceId: string; version: number; items: CostItemV1[]; createdAt: string; updatedAt: string };
