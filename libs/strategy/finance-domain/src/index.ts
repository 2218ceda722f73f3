export * from './money';
export * from './fiscal-period';
export * from './proration';
export * from './allocation';
export * from './percentage';
export * from './budget-vs-actual';
export * from './fixed-cost';
export * from './chargeback';
export { compareText } from './text-order';
