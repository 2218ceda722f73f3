import { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

export const PORTFOLIO_SERVICE_VIEW_SCHEMA: SchemaObject = {
  allOf: [
    { $ref: '#/components/schemas/ProposeServiceRequest' },
    {
      type: 'object',
      required: ['id', 'version', 'state', 'history', 'createdAt', 'updatedAt'],
      properties: {
        id: { type: 'string', format: 'uuid', description: 'the service id, shared with the design catalogue' },
        version: { type: 'integer', minimum: 1 },
        state: { type: 'string', enum: ['pipeline', 'catalogue', 'retired'] },
        history: { type: 'array', items: { $ref: '#/components/schemas/PortfolioStepV1' }, description: 'every approved step, oldest first' },
        createdAt: { type: 'string', format: 'date-time' },
        updatedAt: { type: 'string', format: 'date-time' },
      },
    },
  ],
};

export const PORTFOLIO_SERVICE_LIST_SCHEMA: SchemaObject = { type: 'object', required: ['items'], properties: { items: { type: 'array', items: PORTFOLIO_SERVICE_VIEW_SCHEMA } } };
