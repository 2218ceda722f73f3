import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { OpenAPIObject } from '@nestjs/swagger';
import { OperationObject, ParameterObject, ResponseObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { GatewayConfig } from './gateway.config';
import { GatewayModule } from './gateway.module';
import { hardenHttp } from './http-hardening';
import { OPENAPI_DOCS_PATH, OPENAPI_JSON_PATH, serveOpenApi } from './openapi';

type Operation = OperationObject & { method: string; path: string };

/**
 * The gateway's OpenAPI document tells the truth about the routes (issue 9, fault 7). Built from the
 * gateway module in Nest's preview mode: routes and metadata, no connection to a broker or a database.
 */
describe('the OpenAPI document', () => {
  let app: NestFastifyApplication;
  let document: OpenAPIObject;
  let operations: Operation[];
  const schemas = () => document.components?.schemas ?? {};
  const operation = (method: string, path: string) => operations.find((candidate) => candidate.method === method && candidate.path === path) as Operation;
  const queryParameters = (method: string, path: string) => (operation(method, path).parameters ?? []).map((parameter) => parameter as ParameterObject).filter((parameter) => parameter.in === 'query');
  const referencesIn = (node: unknown): string[] =>
    Array.isArray(node) ? node.flatMap(referencesIn) : node !== null && typeof node === 'object' ? Object.entries(node).flatMap(([key, value]) => (key === '$ref' ? [String(value)] : referencesIn(value))) : [];

  beforeAll(async () => {
    const config = Object.assign(new GatewayConfig(), { ITSM_INTERNAL_TOKEN_SECRET: 'a-secret-for-a-document-that-never-calls-anyone' });
    app = await NestFactory.create<NestFastifyApplication>(GatewayModule.forRoot(config), new FastifyAdapter(), { preview: true, logger: false });
    await hardenHttp(app, config);
    document = serveOpenApi(app);
    await app.getHttpAdapter().getInstance().ready();
    if (process.env.ITSM_OPENAPI_DUMP) require('node:fs').writeFileSync(process.env.ITSM_OPENAPI_DUMP, JSON.stringify(document, null, 2));
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      (['get', 'put', 'post', 'delete', 'patch'] as const).flatMap((method) => (item[method] ? [{ ...item[method], method, path }] : [])),
    );
  });

  afterAll(async () => {
    await app?.close();
  });

  it('describes the 157 operations of the public API', () => {
    expect(operations).toHaveLength(157);
  });

  it('names the server it is served from', () => {
    expect(document.servers).toEqual([expect.objectContaining({ url: '/' })]);
  });

  it('answers with view schemas a response can match, never with a request class', () => {
    const answers = operations.flatMap(({ method, path, responses }) =>
      Object.entries(responses)
        .filter(([status]) => status.startsWith('2'))
        .map(([status, response]) => ({ operation: `${method} ${path} ${status}`, references: referencesIn((response as ResponseObject).content) })),
    );
    expect(answers).toHaveLength(159);
    for (const { operation: name, references } of answers) {
      expect({ name, references: references.filter((reference) => !/View$/.test(reference)) }).toEqual({ name, references: [] });
      expect({ name, answersSomething: references.length > 0 }).toEqual({ name, answersSomething: true });
    }
    // What the services add to a record's fields is part of its view (an allOf of a closed request class and these could match nothing).
    expect((schemas().DemandView as SchemaObject).required).toEqual(expect.arrayContaining(['id', 'version', 'state', 'createdAt', 'updatedAt', 'title']));
    expect((schemas().CostEntryView as SchemaObject).required).toEqual(expect.arrayContaining(['id', 'recordedAt', 'amount']));
    expect((schemas().SlaView as SchemaObject).required).not.toContain('calendarVersion');
    // Comments and work notes are appended to the current version when they name none.
    expect((schemas().IncidentNoteRequest as SchemaObject).required).toEqual(['text']);
    expect((schemas().ResolveIncidentRequest as SchemaObject).required).toContain('expectedVersion');
  });

  it('documents the query parameters of every list and report', () => {
    const names = (method: string, path: string) => queryParameters(method, path).map((parameter) => parameter.name).sort();
    expect(names('get', '/api/v1/services')).toEqual(['cursor', 'limit', 'state', 'type']);
    expect(names('get', '/api/v1/catalogue/items')).toEqual(['category', 'cursor', 'includeUnrequestable', 'limit', 'q', 'serviceId']);
    expect(names('get', '/api/v1/portfolio/services')).toEqual(['cursor', 'limit', 'state']);
    expect(names('get', '/api/v1/demands')).toEqual(['businessUnit', 'cursor', 'limit', 'serviceId', 'state']);
    expect(names('get', '/api/v1/finance/budgets')).toEqual(['cursor', 'limit', 'period', 'serviceId']);
    expect(names('get', '/api/v1/finance/costs')).toEqual(['cursor', 'limit', 'period', 'serviceId']);
    expect(names('get', '/api/v1/finance/consumption')).toEqual(['businessUnit', 'cursor', 'limit', 'period', 'serviceId']);
    expect(names('get', '/api/v1/incidents')).toEqual(['assignmentGroupId', 'callerId', 'causedByChangeId', 'configurationItemId', 'cursor', 'limit', 'parentId', 'priority', 'slaBreached', 'slaNextDueBefore', 'sort', 'state']);
    expect(queryParameters('get', '/api/v1/incidents').find((parameter) => parameter.name === 'sort')?.schema).toMatchObject({ enum: ['newest', 'slaNextDueAt'] });
    expect(names('get', '/api/v1/audit-records')).toEqual(['actorId', 'cursor', 'limit', 'subject']);
    expect(names('get', '/api/v1/assignment-groups')).toEqual(['cursor', 'limit', 'memberId']);
    expect(names('get', '/api/v1/routing-rules')).toEqual(['cursor', 'groupId', 'limit']);
    expect(names('get', '/api/v1/major-incidents')).toEqual(['cursor', 'limit', 'open', 'state']);
    expect(names('get', '/api/v1/requests')).toEqual(['cursor', 'limit', 'requesterId', 'state']);
    expect(names('get', '/api/v1/approvals')).toEqual(['cursor', 'limit']);
    expect(names('get', '/api/v1/reporting-lines')).toEqual(['userId']);
    for (const list of ['/api/v1/calendars', '/api/v1/slas']) expect(names('get', list)).toEqual(['cursor', 'limit']);
    expect(names('get', '/api/v1/cmdb/items')).toEqual(['classKey', 'cursor', 'lifecycleState', 'limit']);
    expect(names('get', '/api/v1/cmdb/items/{id}/impact')).toEqual(['depth', 'direction']);
    for (const report of ['/api/v1/finance/reports/budget-vs-actual', '/api/v1/finance/reports/chargeback']) {
      expect(queryParameters('get', report)).toEqual([expect.objectContaining({ name: 'period', required: true, schema: expect.objectContaining({ type: 'string', pattern: expect.any(String) }) })]);
    }
    expect(queryParameters('get', '/api/v1/incidents').find((parameter) => parameter.name === 'limit')?.schema).toEqual(expect.objectContaining({ type: 'integer', minimum: 1, maximum: 200 }));
  });

  it('describes each request body with the class that validates it, closed to unknown fields at every depth', () => {
    const bodies = operations.filter((candidate) => candidate.requestBody).map(({ method, path, requestBody }) => ({ operation: `${method} ${path}`, references: referencesIn(requestBody) }));
    expect(bodies).toHaveLength(94);
    for (const { operation: name, references } of bodies) expect({ name, references: references.map((reference) => /Request$/.test(reference)) }).toEqual({ name, references: [true] });
    for (const [name, schema] of Object.entries(schemas())) {
      if (name !== 'Problem') expect({ name, additionalProperties: (schema as SchemaObject).additionalProperties }).toEqual({ name, additionalProperties: false });
    }
    const sla = schemas().DefineSlaRequest as SchemaObject;
    expect(sla.required).toEqual(expect.arrayContaining(['name', 'kind', 'appliesTo', 'targets', 'conditions', 'warningThresholds']));
    expect(sla.properties?.conditions).toEqual({ $ref: '#/components/schemas/SlaConditionsV1' });
  });

  it('publishes the schemas its operations use and nothing else (no configuration classes)', () => {
    const published = Object.keys(schemas()).sort();
    const reachable = new Set<string>();
    const visit = (reference: string) => {
      const name = reference.replace('#/components/schemas/', '');
      if (reachable.has(name)) return;
      reachable.add(name);
      referencesIn(schemas()[name]).forEach(visit);
    };
    referencesIn(document.paths).forEach(visit);
    expect(published).toEqual([...reachable].sort());
    for (const internal of ['GatewayConfig', 'AmqpEnv', 'MongoEnv', 'InternalServiceEnv', 'RuntimeEnv']) expect(published).not.toContain(internal);
  });

  it('documents RFC 9457 problems on every operation for every status its shape can answer', () => {
    for (const { method, path, responses, requestBody, parameters } of operations) {
      const statuses = Object.keys(responses);
      const expected = ['401', '403', '429', '431'];
      if (requestBody) expected.push('400', '413', '415');
      if ((parameters ?? []).some((parameter) => (parameter as ParameterObject).in !== 'header')) expected.push('400');
      if ((parameters ?? []).some((parameter) => (parameter as ParameterObject).in === 'path')) expected.push('404', '414');
      if (method === 'post') expected.push('409', '422');
      expect({ method, path, statuses }).toEqual({ method, path, statuses: expect.arrayContaining(expected) });
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) < 400) continue;
        expect({ method, path, status, content: (response as ResponseObject).content }).toEqual({
          method,
          path,
          status,
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        });
      }
    }
    expect(schemas().Problem).toEqual(expect.objectContaining({ required: ['type', 'title', 'status'] }));
  });

  it('documents the Idempotency-Key every POST accepts', () => {
    for (const { method, path, parameters } of operations.filter((candidate) => candidate.method === 'post')) {
      expect({ method, path, header: (parameters ?? []).find((parameter) => (parameter as ParameterObject).in === 'header') }).toEqual({
        method,
        path,
        header: expect.objectContaining({ name: 'Idempotency-Key', required: false }),
      });
    }
  });

  it('links a created record to the operations on it, so clients and stateful tests can follow', () => {
    const links = (method: string, path: string, status: string) => (operation(method, path).responses[status] as ResponseObject).links ?? {};
    expect(links('post', '/api/v1/slas', '201')).toEqual({
      SlasController_get: { operationId: 'SlasController_get', parameters: { id: '$response.body#/id' } },
      SlasController_revise: { operationId: 'SlasController_revise', parameters: { id: '$response.body#/id' } },
    });
    expect(links('post', '/api/v1/demands/{id}/assessment', '200')).toEqual({ DemandsController_get: { operationId: 'DemandsController_get', parameters: { id: '$request.path.id' } } });
    expect(links('put', '/api/v1/finance/budgets/{serviceId}/{period}', '201')).toEqual({
      FinanceController_getBudget: { operationId: 'FinanceController_getBudget', parameters: { serviceId: '$request.path.serviceId', period: '$request.path.period' } },
    });
  });

  it('serves Swagger UI and the JSON without a token, the UI with a content security policy that lets it load only its own files', async () => {
    const server = app.getHttpAdapter().getInstance();
    const page = await server.inject({ method: 'GET', url: OPENAPI_DOCS_PATH });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('swagger-ui-bundle.js');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    for (const asset of ['swagger-ui-bundle.js', 'swagger-ui-init.js', 'swagger-ui.css']) {
      expect({ asset, status: (await server.inject({ method: 'GET', url: `${OPENAPI_DOCS_PATH}/${asset}` })).statusCode }).toEqual({ asset, status: 200 });
    }
    const json = await server.inject({ method: 'GET', url: OPENAPI_JSON_PATH });
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toContain('application/json');
    expect(JSON.parse(json.body)).toEqual(JSON.parse(JSON.stringify(document)));
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    // Everywhere else the API's own policy (http-hardening.ts) stays as it was.
    const apiPolicy = (await server.inject({ method: 'GET', url: '/api/v1/incidents' })).headers['content-security-policy'];
    expect(apiPolicy).toContain("default-src 'none'");
    expect(apiPolicy).not.toContain('connect-src');
  });
});
