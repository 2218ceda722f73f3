import { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

export const DEMAND_VIEW_SCHEMA: SchemaObject = {
  allOf: [
    { $ref: '#/components/schemas/RecordDemandRequest' },
    {
      type: 'object',
      required: ['id', 'version', 'state', 'createdAt', 'updatedAt'],
      properties: {
        id: { type: 'string', format: 'uuid' },
        version: { type: 'integer', minimum: 1 },
        state: { type: 'string', enum: ['recorded', 'assessed', 'approved', 'rejected'] },
        assessment: { $ref: '#/components/schemas/DemandAssessmentV1', description: 'the latest assessment, once assessed (a re-assessment replaces it)' },
        decision: { $ref: '#/components/schemas/DemandDecisionV1', description: 'the approval or rejection, once decided' },
        createdAt: { type: 'string', format: 'date-time' },
        updatedAt: { type: 'string', format: 'date-time' },
      },
    },
  ],
};

export const DEMAND_LIST_SCHEMA: SchemaObject = { type: 'object', required: ['items'], properties: { items: { type: 'array', items: DEMAND_VIEW_SCHEMA } } };
