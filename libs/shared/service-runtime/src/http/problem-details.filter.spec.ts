import { Logger, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { toProblem } from './problem-details.filter';
import { RequestValidationException } from './request-validation.exception';

describe('toProblem', () => {
  const logger = { error: jest.fn() } as unknown as Logger;

  it('lists every offending field of a validation failure', () => {
    const problem = toProblem(new RequestValidationException([{ field: 'impact', messages: ['impact must be one of 1, 2, 3'] }]), logger);
    expect(problem).toMatchObject({ status: 400, title: 'Bad Request', errors: [{ field: 'impact' }] });
  });

  it('keeps the detail of a client error', () => {
    expect(toProblem(new NotFoundException('incident 42 not found'), logger)).toMatchObject({ status: 404, detail: 'incident 42 not found' });
  });

  it("maps the web framework's own errors (body too large) by their status code", () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), { statusCode: 413 });
    expect(toProblem(tooLarge, logger)).toMatchObject({ status: 413, title: 'Content Too Large' });
  });

  it('says nothing about internals for server errors', () => {
    const problem = toProblem(new Error('connection string mongodb://admin:secret@db'), logger);
    expect(problem).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500 });
    expect(JSON.stringify(toProblem(new ServiceUnavailableException('broker at 10.0.0.5 down'), logger))).not.toContain('10.0.0.5');
  });
});
