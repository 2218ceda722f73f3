import { CURRENCY_PATTERN, FISCAL_PERIOD_PATTERN } from '@itsm/contracts/strategy';
import { VERSION_PROPERTY, itemsSchema } from '@itsm/service-runtime';
import { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

const MONEY: SchemaObject = { type: 'string', pattern: '^-?\\d{1,13}\\.\\d{2}$', description: 'exact decimal amount in the report currency, two decimals', example: '1250.50' };
const PERIOD: SchemaObject = { type: 'string', pattern: FISCAL_PERIOD_PATTERN.source, example: '2026-Q1' };
const CURRENCY: SchemaObject = { type: 'string', pattern: CURRENCY_PATTERN.source, description: 'ISO 4217 code of every amount (ITSM_STRATEGY_CURRENCY)', example: 'EUR' };
const UUID: SchemaObject = { type: 'string', format: 'uuid' };
const TIMESTAMP: SchemaObject = { type: 'string', format: 'date-time' };
const VERSION = VERSION_PROPERTY.version;

export const COST_MODEL_VIEW_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['id', 'serviceId', 'version', 'items', 'createdAt', 'updatedAt'],
  properties: {
    id: { ...UUID, description: 'the service id: one cost model per service' },
    serviceId: UUID,
    version: VERSION,
    items: { type: 'array', items: { $ref: '#/components/schemas/CostItemV1' } },
    createdAt: TIMESTAMP,
    updatedAt: TIMESTAMP,
  },
};

export const BUDGET_VIEW_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['id', 'serviceId', 'period', 'amount', 'version', 'createdAt', 'updatedAt'],
  properties: {
    id: { type: 'string', description: '`<serviceId>:<period>`' },
    serviceId: UUID,
    period: PERIOD,
    amount: MONEY,
    version: VERSION,
    createdAt: TIMESTAMP,
    updatedAt: TIMESTAMP,
  },
};
export const BUDGET_LIST_SCHEMA = itemsSchema(BUDGET_VIEW_SCHEMA);

/** A ledger entry as recorded: the request's fields plus id, recorder and time. */
function ledgerViewSchema(requestComponent: string): SchemaObject {
  return {
    allOf: [
      { $ref: `#/components/schemas/${requestComponent}` },
      {
        type: 'object',
        required: ['id', 'recordedAt'],
        properties: { id: UUID, recordedBy: { type: 'string', description: 'the user who recorded it' }, recordedAt: TIMESTAMP },
      },
    ],
  };
}
export const COST_ENTRY_VIEW_SCHEMA = ledgerViewSchema('RecordCostRequest');
export const COST_ENTRY_LIST_SCHEMA = itemsSchema(COST_ENTRY_VIEW_SCHEMA);
export const CONSUMPTION_VIEW_SCHEMA = ledgerViewSchema('RecordConsumptionRequest');
export const CONSUMPTION_LIST_SCHEMA = itemsSchema(CONSUMPTION_VIEW_SCHEMA);

const FIGURES_PROPERTIES: Record<string, SchemaObject> = {
  budget: { ...MONEY, description: 'budgets prorated to the period' },
  actual: { ...MONEY, description: 'costs incurred in the period, corrections included' },
  variance: { ...MONEY, description: 'actual − budget; positive is over budget' },
  variancePercent: { type: 'number', nullable: true, description: 'variance as % of budget, 2 decimals, half away from zero; null without a budget' },
};
const FIGURES = ['budget', 'actual', 'variance', 'variancePercent'];

export const BUDGET_VS_ACTUAL_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['period', 'currency', 'rows', 'totals'],
  properties: {
    period: PERIOD,
    currency: CURRENCY,
    rows: {
      type: 'array',
      description: 'every catalogue service and every other service with a budget or an actual in the period, by name',
      items: { type: 'object', required: ['serviceId', 'name', ...FIGURES], properties: { serviceId: UUID, name: { type: 'string' }, ...FIGURES_PROPERTIES } },
    },
    totals: { type: 'object', required: FIGURES, properties: FIGURES_PROPERTIES },
  },
};

const CHARGEBACK_LINE: SchemaObject = {
  type: 'object',
  required: ['serviceId', 'serviceName', 'units', 'usage', 'fixedShare', 'total'],
  properties: {
    serviceId: UUID,
    serviceName: { type: 'string' },
    units: { type: 'integer', minimum: 1 },
    unit: { type: 'string', description: "the unit of the service's per-unit items, if it has any" },
    usage: { ...MONEY, description: 'units × the sum of the per-unit rates' },
    fixedShare: { ...MONEY, description: "share of the service's fixed cost for the period, by units (largest remainder)" },
    total: MONEY,
  },
};

export const CHARGEBACK_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['period', 'currency', 'businessUnits', 'unallocated', 'totals'],
  properties: {
    period: PERIOD,
    currency: CURRENCY,
    businessUnits: {
      type: 'array',
      items: { type: 'object', required: ['businessUnit', 'lines', 'total'], properties: { businessUnit: { type: 'string' }, lines: { type: 'array', items: CHARGEBACK_LINE }, total: MONEY } },
    },
    unallocated: {
      type: 'array',
      description: 'fixed costs of services nobody consumed in the period',
      items: { type: 'object', required: ['serviceId', 'serviceName', 'fixed'], properties: { serviceId: UUID, serviceName: { type: 'string' }, fixed: MONEY } },
    },
    totals: {
      type: 'object',
      required: ['usage', 'fixed', 'charged', 'unallocated'],
      description: 'charged + unallocated = usage + fixed',
      properties: { usage: MONEY, fixed: MONEY, charged: MONEY, unallocated: MONEY },
    },
  },
};
