import { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

export const AUDIT_RECORD_PAGE_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        description:
          'What changed is shown only to callers who may read every record of the subject\'s type (the read policy of that type, as on its own routes): ' +
          '`redacted: false` with `summary`. Anyone else gets `redacted: true` with `summaryFields`, the names of the fields that changed, and no value.',
        required: ['id', 'action', 'subject', 'actorId', 'source', 'time', 'correlationId', 'redacted'],
        properties: {
          id: { type: 'string', description: 'id of the event recorded' },
          action: { type: 'string', example: 'itsm.operation.incident.created.v1' },
          subject: { type: 'string', description: 'the record acted on' },
          actorId: { type: 'string', description: 'user id, or `system`' },
          source: { type: 'string', example: '/itsm/operation' },
          time: { type: 'string', format: 'date-time' },
          correlationId: { type: 'string' },
          redacted: { type: 'boolean', description: 'true when the caller may not read records of the subject\'s type: `summary` is left out, `summaryFields` names what changed' },
          summary: { type: 'object', description: 'what changed (the event payload); only when `redacted` is false' },
          summaryFields: { type: 'array', items: { type: 'string' }, description: 'names of the fields that changed, without values; only when `redacted` is true' },
        },
      },
    },
    nextCursor: { type: 'string', nullable: true },
  },
};
