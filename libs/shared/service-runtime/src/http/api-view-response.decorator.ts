import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** A view class (`*.view.ts` in the contracts): its schema is generated from its decorators. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any class, whatever its constructor takes
export type ViewClass = abstract new (...args: any[]) => unknown;

/** Handler metadata: the view classes its documented answers use, which the OpenAPI document publishes (createOpenApiDocument). */
export const OPENAPI_VIEW_CLASSES = 'itsm:openapi-view-classes';

const SCHEMAS = '#/components/schemas/';

/** The schema of one value that is any of `views`. */
function viewSchema(views: readonly ViewClass[]): SchemaObject {
  const references = views.map((view) => ({ $ref: `${SCHEMAS}${view.name}` }));
  return references.length === 1 ? (references[0] as SchemaObject) : { oneOf: references };
}

function documentedViews(views: readonly ViewClass[]): MethodDecorator {
  return (target, property) => {
    const known: ViewClass[] = Reflect.getMetadata(OPENAPI_VIEW_CLASSES, target, property) ?? [];
    Reflect.defineMetadata(OPENAPI_VIEW_CLASSES, [...known, ...views], target, property);
  };
}

/** Documents a success answer whose body is one `view` (application/json). */
export function ApiViewResponse(status: number, view: ViewClass, description?: string): MethodDecorator {
  return applyDecorators(documentedViews([view]), ApiResponse({ status, description: description ?? view.name, schema: viewSchema([view]) }));
}

/** Documents the 200 answer of a paged list route: `{ items: [...], nextCursor }`, each item any of `views`. */
export function ApiPageResponse(...views: ViewClass[]): MethodDecorator {
  return applyDecorators(
    documentedViews(views),
    ApiResponse({
      status: 200,
      description: 'one page, newest first',
      schema: {
        type: 'object',
        required: ['items', 'nextCursor'],
        additionalProperties: false,
        properties: {
          items: { type: 'array', items: viewSchema(views) },
          nextCursor: { type: 'string', nullable: true, description: 'Pass as `cursor` to get the next page; null on the last page' },
        },
      },
    }),
  );
}
