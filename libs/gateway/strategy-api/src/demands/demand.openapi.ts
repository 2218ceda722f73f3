import { VERSION_PROPERTY, itemsSchema, recordViewSchema } from '@itsm/service-runtime';
import { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

export const DEMAND_VIEW_SCHEMA: SchemaObject = recordViewSchema(
  'RecordDemandRequest',
  { ...VERSION_PROPERTY, state: { type: 'string', enum: ['recorded', 'assessed', 'approved', 'rejected'] } },
  {
    assessment: { $ref: '#/components/schemas/DemandAssessmentV1', description: 'the latest assessment, once assessed (a re-assessment replaces it)' },
    decision: { $ref: '#/components/schemas/DemandDecisionV1', description: 'the approval or rejection, once decided' },
  },
);

export const DEMAND_LIST_SCHEMA: SchemaObject = itemsSchema(DEMAND_VIEW_SCHEMA);
