import { uuidV7 } from '@itsm/contracts';

const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,100}$/;

/** Keeps a caller's X-Correlation-Id when it is sane, otherwise starts a new chain. */
export function correlationIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && ACCEPTABLE.test(value) ? value : uuidV7();
}
