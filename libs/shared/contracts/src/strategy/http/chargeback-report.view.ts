export interface ChargebackLineView {
  serviceId: string;
  serviceName: string;
  units: number;
  /** The unit of the service's per-unit items, if it has any. */
  unit?: string;
  usage: string;
  fixedShare: string;
  total: string;
}

export interface ChargebackReportView {
  period: string;
  currency: string;
  /** By business unit; each pays its usage at standard rates plus a share of fixed costs by units. */
  businessUnits: Array<{ businessUnit: string; lines: ChargebackLineView[]; total: string }>;
  /** Fixed costs of services nobody consumed in the period. */
  unallocated: Array<{ serviceId: string; serviceName: string; fixed: string }>;
  /** charged + unallocated = usage + fixed. */
  totals: { usage: string; fixed: string; charged: string; unallocated: string };
}
