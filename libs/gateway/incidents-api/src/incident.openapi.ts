import { IMPACT_LEVELS, INCIDENT_STATES, PRIORITY_LABELS, PRIORITY_LEVELS, URGENCY_LEVELS } from '@itsm/contracts/operation';
import { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** Response schemas of the incident routes (request schemas come from the DTOs' validators). */
export const INCIDENT_VIEW_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['id', 'number', 'title', 'callerId', 'impact', 'urgency', 'priority', 'priorityLabel', 'state', 'reportedAt', 'createdAt', 'updatedAt'],
  properties: {
    id: { type: 'string', format: 'uuid', description: 'UUIDv7 assigned at intake' },
    number: { type: 'string', example: 'INC0000042' },
    title: { type: 'string' },
    description: { type: 'string' },
    callerId: { type: 'string', description: 'User id of whoever reported it' },
    impact: { type: 'integer', enum: [...IMPACT_LEVELS], description: '1 high .. 3 low' },
    urgency: { type: 'integer', enum: [...URGENCY_LEVELS], description: '1 high .. 3 low' },
    priority: { type: 'integer', enum: [...PRIORITY_LEVELS], description: 'Derived from impact x urgency' },
    priorityLabel: { type: 'string', enum: Object.values(PRIORITY_LABELS) },
    state: { type: 'string', enum: [...INCIDENT_STATES] },
    category: { type: 'string' },
    serviceId: { type: 'string' },
    configurationItemId: { type: 'string' },
    reportedAt: { type: 'string', format: 'date-time' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
};

export const INCIDENT_PAGE_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: {
    items: { type: 'array', items: INCIDENT_VIEW_SCHEMA },
    nextCursor: { type: 'string', nullable: true, description: 'Pass as `cursor` to get the next page; null on the last page' },
  },
};

export const INCIDENT_ACCEPTED_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['id', 'status'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    status: { type: 'string', enum: ['accepted'] },
  },
};
