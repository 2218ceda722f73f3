import { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

export const CALENDAR_VIEW_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['id', 'name', 'version', 'definition', 'createdAt', 'updatedAt'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    version: { type: 'integer', minimum: 1 },
    definition: {
      type: 'object',
      description: '{ timeZone (IANA), weeklyHours: { monday..sunday: [{ start: "HH:mm", end: "HH:mm" }] }, holidays: [{ date: "YYYY-MM-DD", name }] }',
    },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
};

export const CALENDAR_LIST_SCHEMA: SchemaObject = { type: 'object', required: ['items'], properties: { items: { type: 'array', items: CALENDAR_VIEW_SCHEMA } } };
