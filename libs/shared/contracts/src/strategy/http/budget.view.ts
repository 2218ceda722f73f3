/** A service's budget for one fiscal period; its id is `<serviceId>:<period>`. */
export type BudgetView = { id: string; serviceId: string; period: string; amount: string; version: number; createdAt: string; updatedAt: string };
