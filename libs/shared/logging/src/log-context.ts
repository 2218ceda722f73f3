import { Logger } from 'pino';
// nestjs-pino keeps the logger of the current request in this AsyncLocalStorage; its Logger (what Nest's
// `new Logger(...)` calls route into once the app uses it) writes through the store's logger when there is one.
import { Store, storage } from 'nestjs-pino/storage';
import { appLogger } from './app-logger';

/** Fields that say on whose behalf and within which chain a line was written. */
export interface LogContextFields {
  correlationId?: string;
  actorId?: string;
  [field: string]: string | undefined;
}

/**
 * Runs `work` with `logger` as the logger of everything it logs, also across its awaits (an HTTP request's
 * logger, bound once the body is parsed).
 */
export function runWithLogger<T>(logger: Logger, work: () => T): T {
  return storage.run(new Store(logger), work);
}

/**
 * Runs `work` (the handling of one message) in a context of its own, a child of the app's logger: its lines,
 * and those of whatever it calls, carry `fields` besides the app's. Without an app logger (a test that
 * started no app) `work` just runs.
 */
export function withLogContext<T>(fields: LogContextFields, work: () => T): T {
  const root = appLogger();
  return root ? runWithLogger(root.child(defined(fields)), work) : work();
}

/**
 * Adds `fields` to every later line of the current request or message, the access-log line of a request
 * included (what becomes known on the way, such as the authenticated caller). Outside one, does nothing.
 */
export function addLogContext(fields: LogContextFields): void {
  const store = storage.getStore();
  // setBindings changes the request's own logger, which the access-log line is written with too.
  store?.logger.setBindings(defined(fields));
}

function defined(fields: LogContextFields): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
