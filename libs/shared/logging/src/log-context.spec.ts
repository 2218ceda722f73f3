import { captureLines } from '@itsm/testing';
import { Logger as NestLogger } from '@nestjs/common';
import { Logger, PinoLogger } from 'nestjs-pino';
import { createAppLogger } from './app-logger';
import { addLogContext, runWithLogger, withLogContext } from './log-context';

describe('log contexts', () => {
  const out = captureLines();
  const root = createAppLogger({ service: 'audit', level: 'log', format: 'json' }, out.stream);
  // What createHttpApp does with nestjs-pino: Nest's Logger writes through the current context's logger.
  NestLogger.overrideLogger(new Logger(new PinoLogger({ pinoHttp: { logger: root } }), {}));
  const nest = new NestLogger('RecordAuditTrail');
  const lines = () => out.lines().map((line) => JSON.parse(line) as Record<string, unknown>);
  const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

  afterAll(() => NestLogger.overrideLogger(true));

  it('gives the lines of each message its own fields, across awaits, without mixing concurrent ones', async () => {
    const handle = (id: string) =>
      withLogContext({ messageId: id }, async () => {
        await tick();
        addLogContext({ correlationId: `corr-${id}`, actorId: `user-${id}`, ignored: undefined });
        await tick();
        nest.log(`handled ${id}`);
      });
    await Promise.all([handle('a'), handle('b')]);
    const written = lines().filter((line) => String(line['msg']).startsWith('handled'));
    expect(written).toHaveLength(2);
    for (const id of ['a', 'b']) {
      const line = written.find((candidate) => candidate['msg'] === `handled ${id}`);
      expect(line).toMatchObject({ service: 'audit', level: 'info', context: 'RecordAuditTrail', messageId: id, correlationId: `corr-${id}`, actorId: `user-${id}` });
      expect(line).not.toHaveProperty('ignored');
    }
  });

  it('adds what becomes known during a request to the request logger itself, so its access line carries it too', () => {
    const request = root.child({ correlationId: 'req-1' });
    runWithLogger(request, () => addLogContext({ actorId: 'alice' }));
    request.info('request completed');
    expect(lines().at(-1)).toMatchObject({ correlationId: 'req-1', actorId: 'alice', msg: 'request completed' });
  });

  it('adds nothing outside a request or message, and writes with the app fields alone', () => {
    addLogContext({ actorId: 'nobody' });
    nest.warn('outside');
    const line = lines().at(-1);
    expect(line).toMatchObject({ service: 'audit', level: 'warn', msg: 'outside' });
    expect(line).not.toHaveProperty('actorId');
  });
});
