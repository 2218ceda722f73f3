import { VERSION_PROPERTY, itemsSchema, recordViewSchema } from '@itsm/service-runtime';

export const PORTFOLIO_SERVICE_VIEW_SCHEMA = recordViewSchema('ProposeServiceRequest', {
  ...VERSION_PROPERTY,
  state: { type: 'string', enum: ['pipeline', 'catalogue', 'retired'] },
  history: { type: 'array', items: { $ref: '#/components/schemas/PortfolioStepV1' }, description: 'every approved step, oldest first' },
});
export const PORTFOLIO_SERVICE_LIST_SCHEMA = itemsSchema(PORTFOLIO_SERVICE_VIEW_SCHEMA);
