import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';

export const OPENAPI_JSON_PATH = '/api/docs-json';

/**
 * Builds the OpenAPI 3 document and serves it as JSON. Request schemas are
 * generated from the same class-validator rules that check the requests.
 */
export function serveOpenApi(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('ITSM platform API')
    .setDescription('IT Service Management on ITIL: incidents today; problems, changes, catalogue and more as they land. Errors are RFC 9457 problem+json.')
    .setVersion('1')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  const generated = validationMetadatasToSchemas({ refPointerPrefix: '#/components/schemas/' });
  document.components = { ...document.components, schemas: { ...generated, ...document.components?.schemas } } as OpenAPIObject['components'];
  app
    .getHttpAdapter()
    .getInstance()
    .get(OPENAPI_JSON_PATH, async (_request, reply) => reply.header('content-type', 'application/json').send(document));
  return document;
}
