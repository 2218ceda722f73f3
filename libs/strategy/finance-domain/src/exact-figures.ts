import { UnprocessableError } from '@itsm/contracts';

/** The result of exact arithmetic, or 422 when figures leave the range integers keep exact (the domain's RangeError). */
export function exactly<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof RangeError) throw new UnprocessableError(`the figures cannot be computed exactly: ${error.message}`);
    throw error;
  }
}
