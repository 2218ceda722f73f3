import { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

export const AUDIT_RECORD_PAGE_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'action', 'subject', 'actorId', 'source', 'time', 'correlationId', 'summary'],
        properties: {
          id: { type: 'string', description: 'id of the event recorded' },
          action: { type: 'string', example: 'itsm.operation.incident.created.v1' },
          subject: { type: 'string', description: 'the record acted on' },
          actorId: { type: 'string', description: 'user id, or `system`' },
          source: { type: 'string', example: '/itsm/operation' },
          time: { type: 'string', format: 'date-time' },
          correlationId: { type: 'string' },
          summary: { type: 'object', description: 'what changed (the event payload)' },
        },
      },
    },
    nextCursor: { type: 'string', nullable: true },
  },
};
