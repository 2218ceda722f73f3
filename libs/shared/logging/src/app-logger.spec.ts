import { LogLevel } from '@itsm/config';
import { captureLines } from '@itsm/testing';
import { createAppLogger } from './app-logger';

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('createAppLogger', () => {
  it('writes one JSON object per line with the level label, an ISO time, the service, pid and hostname', () => {
    const out = captureLines();
    createAppLogger({ service: 'gateway', level: 'log', format: 'json' }, out.stream).info({ route: '/x' }, 'hello');
    const lines = out.lines().map((text) => JSON.parse(text) as Record<string, unknown>);
    expect(lines).toEqual([{ level: 'info', time: expect.any(String), service: 'gateway', pid: process.pid, hostname: expect.any(String), route: '/x', msg: 'hello' }]);
    expect(new Date(String(lines[0]?.['time'])).toISOString()).toBe(lines[0]?.['time']);
  });

  it.each<[LogLevel, string[]]>([
    ['error', ['error']],
    ['warn', ['error', 'warn']],
    ['log', ['error', 'warn', 'info']],
    ['debug', ['error', 'warn', 'info', 'debug']],
    ['verbose', ['error', 'warn', 'info', 'debug', 'trace']],
  ])('ITSM_LOG_LEVEL=%s writes %j', (level, written) => {
    const out = captureLines();
    const logger = createAppLogger({ service: 'audit', level, format: 'json' }, out.stream);
    for (const method of ['error', 'warn', 'info', 'debug', 'trace'] as const) logger[method](method);
    expect(out.lines().map((text) => (JSON.parse(text) as { level: string }).level)).toEqual(written);
  });

  it('censors credentials in headers, whatever object carries them', () => {
    const out = captureLines();
    const logger = createAppLogger({ service: 'design', level: 'log', format: 'json' }, out.stream);
    const headers = { authorization: 'Bearer eyJ.secret.token', 'x-itsm-principal': 'eyJ.internal.token', cookie: 'sid=secret', accept: 'application/json' };
    logger.info({ req: { headers } }, 'a request object');
    logger.info({ headers }, 'headers');
    logger.info(headers, 'headers at the top');
    const text = out.lines().join('\n');
    expect(text).not.toMatch(/secret|internal\.token/);
    expect(out.lines().map((line) => JSON.stringify(JSON.parse(line))).join('\n')).toContain('"accept":"application/json"');
    expect(text.match(/\[redacted\]/g)).toHaveLength(9);
  });

  it('pretty-prints one human-readable line per entry', async () => {
    const out = captureLines();
    createAppLogger({ service: 'strategy', level: 'log', format: 'pretty' }, out.stream).warn({ context: 'OutboxRelay', status: 503 }, 'broker down');
    await settled();
    const [line] = out.lines();
    expect(out.lines()).toHaveLength(1);
    expect(line).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] WARN: strategy \[OutboxRelay\] broker down \{"status":503\}$/);
  });
});
