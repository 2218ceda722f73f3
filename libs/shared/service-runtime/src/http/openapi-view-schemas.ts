import { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

type SchemaProperties = NonNullable<SchemaObject['properties']>;

/**
 * OpenAPI schema of a record as the API shows it: the fields of a validated
 * contract class (by component name) plus id, timestamps, `extra` properties
 * and `optional` ones (present only in some states).
 */
export function recordViewSchema(fieldsComponent: string, extra: SchemaProperties = {}, optional: SchemaProperties = {}): SchemaObject {
  return {
    allOf: [
      { $ref: `#/components/schemas/${fieldsComponent}` },
      {
        type: 'object',
        required: ['id', 'createdAt', 'updatedAt', ...Object.keys(extra)],
        properties: {
          id: { type: 'string', format: 'uuid' },
          ...extra,
          ...optional,
          createdAt: { type: 'string', format: 'date-time' },
          updatedAt: { type: 'string', format: 'date-time' },
        },
      },
    ],
  };
}

/** `version` of a record whose every change is a new version. */
export const VERSION_PROPERTY: { version: SchemaObject } = { version: { type: 'integer', minimum: 1 } };

/** One page of a list, `{ items, nextCursor }`, as every list route answers (`Page` of @itsm/contracts). */
export function itemsSchema(item: SchemaObject): SchemaObject {
  return {
    type: 'object',
    required: ['items', 'nextCursor'],
    properties: {
      items: { type: 'array', items: item },
      nextCursor: { type: 'string', nullable: true, description: 'Pass as `cursor` to get the next page; null on the last page' },
    },
  };
}
