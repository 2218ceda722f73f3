import { documentIdempotencyKeys } from '@itsm/gateway/idempotency';
import { createOpenApiDocument } from '@itsm/service-runtime';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** Swagger UI, the human-readable page of the API. */
export const OPENAPI_DOCS_PATH = '/api/docs';
/** The OpenAPI 3 document as JSON, for clients and code generators. */
export const OPENAPI_JSON_PATH = '/api/docs-json';

/**
 * Swagger UI loads its own scripts and styles (and sets inline styles); the API's strict policy
 * (default-src 'none', http-hardening.ts) stays on every other path.
 */
const DOCS_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The gateway's OpenAPI document (createOpenApiDocument: generated from the classes that validate the
 * requests and the view classes of the answers) with the Idempotency-Key of every POST, served as JSON
 * and as Swagger UI. Both are public: they sit outside the router, so no guard applies.
 */
export function serveOpenApi(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('ITSM platform API')
    .setDescription(
      'IT Service Management on ITIL: incidents, service design (calendars, service levels, catalogue) and strategy (portfolio, demand, financials). ' +
        'Errors are RFC 9457 problem+json. Every operation needs a bearer token; `x-itsm-policy` names the roles it admits.',
    )
    .setVersion('1')
    .addServer('/', 'The gateway that serves this document')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Access token from the configured OIDC issuer (or `npm run token` on the embedded default)' })
    .build();
  const document = documentIdempotencyKeys(createOpenApiDocument(app, config));
  SwaggerModule.setup(OPENAPI_DOCS_PATH, app, document, {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    raw: ['json'],
    customSiteTitle: 'ITSM platform API',
  });
  app
    .getHttpAdapter()
    .getInstance()
    // A callback hook, not an async one: it runs for every answer of the API, and an async hook costs a promise each time.
    .addHook('onSend', (request, reply, payload, done) => {
      if (request.url.startsWith(OPENAPI_DOCS_PATH)) {
        const path = request.url.split('?')[0] ?? '';
        if (path === OPENAPI_DOCS_PATH || path.startsWith(`${OPENAPI_DOCS_PATH}/`)) void reply.header('content-security-policy', DOCS_CONTENT_SECURITY_POLICY);
      }
      done(null, payload);
    });
  return document;
}
