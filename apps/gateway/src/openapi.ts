import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { jsonSchemaOptions } from '@itsm/contracts';
import { DESIGN_API_REQUEST_BODIES } from '@itsm/gateway/design-api';
import { documentIdempotencyKey } from '@itsm/gateway/idempotency';
import { INCIDENTS_API_REQUEST_BODIES } from '@itsm/gateway/incidents-api';
import { STRATEGY_API_REQUEST_BODIES } from '@itsm/gateway/strategy-api';
import { targetConstructorToSchema, validationMetadatasToSchemas } from 'class-validator-jsonschema';

export const OPENAPI_JSON_PATH = '/api/docs-json';

/**
 * Builds the OpenAPI 3 document and serves it as JSON. Request schemas are
 * generated from the same class-validator rules that check the requests.
 */
export function serveOpenApi(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('ITSM platform API')
    .setDescription('IT Service Management on ITIL: incidents, service design (calendars, service levels, catalogue) and strategy (portfolio, demand, financials). Errors are RFC 9457 problem+json.')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Access token from the configured OIDC issuer (or `npm run token` on the embedded default)' })
    .build();
  const document = documentIdempotencyKey(SwaggerModule.createDocument(app, config));
  const refPointerPrefix = '#/components/schemas/';
  // Nested classes (e.g. an SLA's targets) are referenced by name, so every validated class gets a schema.
  const nestedSchemas = validationMetadatasToSchemas(jsonSchemaOptions(refPointerPrefix));
  // Request bodies include what they inherit, and unknown fields are rejected, so their schemas say so too.
  const requestSchemas = Object.fromEntries(
    [...INCIDENTS_API_REQUEST_BODIES, ...DESIGN_API_REQUEST_BODIES, ...STRATEGY_API_REQUEST_BODIES].map((body) => [
      body.name,
      { ...targetConstructorToSchema(body, jsonSchemaOptions(refPointerPrefix)), additionalProperties: false },
    ]),
  );
  document.components = {
    ...document.components,
    schemas: { ...nestedSchemas, ...document.components?.schemas, ...requestSchemas },
  } as OpenAPIObject['components'];
  app
    .getHttpAdapter()
    .getInstance()
    .get(OPENAPI_JSON_PATH, async (_request, reply) => reply.header('content-type', 'application/json').send(document));
  return document;
}
