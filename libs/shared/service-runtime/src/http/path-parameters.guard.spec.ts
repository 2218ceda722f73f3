import { NotFoundError, PATH_PARAMETERS, RuleViolationError } from '@itsm/contracts';
import { ExecutionContext, Logger } from '@nestjs/common';
import Fastify from 'fastify';
import { toProblem } from './problem-details.filter';
import { PathParametersGuard, requirePathParameterFormats } from './path-parameters.guard';

const UUID = '01a20e2a-fed4-7197-a433-736b13a7a69e';

describe('PathParametersGuard', () => {
  const guard = new PathParametersGuard(PATH_PARAMETERS);
  const logger = { error: jest.fn(), warn: jest.fn() } as unknown as Logger;
  const context = (params: Record<string, string>) => ({ switchToHttp: () => ({ getRequest: () => ({ params }) }) }) as unknown as ExecutionContext;
  /** What the guard throws for `params`, or undefined when it lets the request on. */
  const refusal = (params: Record<string, string>): unknown => {
    try {
      expect(guard.canActivate(context(params))).toBe(true);
      return undefined;
    } catch (error) {
      return error;
    }
  };

  it.each([
    ['an id of .', { id: '.' }],
    ['an id of ..', { id: '..' }],
    ['an id that is no UUID', { id: 'not-an-id-SECRET' }],
    ['an upper-case UUID', { id: UUID.toUpperCase() }],
    ['a serviceId of ..', { serviceId: '..', period: 'costs' }],
    ['a parameter without a format', { code: 'x' }],
  ])('answers %s 404 without repeating it', (_case, params) => {
    const error = refusal(params);
    expect(error).toBeInstanceOf(NotFoundError);
    const problem = toProblem(error, logger);
    expect(problem).toMatchObject({ status: 404, detail: expect.stringMatching(/^No record has this \w+\.$/) });
    expect(JSON.stringify(problem)).not.toContain('SECRET');
  });

  it.each([
    ['a month 13', { serviceId: UUID, period: '2026-13' }],
    ['a dot', { serviceId: UUID, period: '.' }],
  ])('answers a period that is %s 400 naming period', (_case, params) => {
    const error = refusal(params);
    expect(error).toBeInstanceOf(RuleViolationError);
    expect(toProblem(error, logger)).toMatchObject({ status: 400, errors: [{ field: 'period' }] });
  });

  it.each([
    ['no parameters', {}],
    ['a UUID id', { id: UUID }],
    ['a service and a quarter', { serviceId: UUID, period: '2026-Q1' }],
    ["a wildcard route's rest of the path", { '*': 'anything/../at/all' }],
  ])('hands on a request with %s', (_case, params) => {
    expect(refusal(params)).toBeUndefined();
  });
});

describe('requirePathParameterFormats', () => {
  it('refuses a route whose parameter has no format, so the app does not start', async () => {
    const fastify = Fastify();
    requirePathParameterFormats(fastify, PATH_PARAMETERS);
    expect(() => fastify.get('/v1/things/:code', async () => ({}))).toThrow(/"code", which has no format/);
    expect(() => fastify.get('/v1/budgets/:serviceId/:period', async () => ({}))).not.toThrow();
    expect(() => fastify.options('*', async () => ({}))).not.toThrow();
    await fastify.close();
  });
});
