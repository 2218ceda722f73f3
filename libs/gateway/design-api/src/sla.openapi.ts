import { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

export const SLA_VIEW_SCHEMA: SchemaObject = {
  allOf: [
    { $ref: '#/components/schemas/DefineSlaRequest' },
    {
      type: 'object',
      required: ['id', 'version', 'createdAt', 'updatedAt'],
      properties: {
        id: { type: 'string', format: 'uuid' },
        version: { type: 'integer', minimum: 1 },
        calendarVersion: { type: 'integer', minimum: 1, description: 'version of the business calendar when this SLA version was defined' },
        createdAt: { type: 'string', format: 'date-time' },
        updatedAt: { type: 'string', format: 'date-time' },
      },
    },
  ],
};

export const SLA_LIST_SCHEMA: SchemaObject = { type: 'object', required: ['items'], properties: { items: { type: 'array', items: SLA_VIEW_SCHEMA } } };
