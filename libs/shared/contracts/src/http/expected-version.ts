import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * Largest version a change may name: far beyond any real number of revisions, and an integer every client
 * and store represents exactly (2^31 - 1), so a number such as 1e300 is refused rather than compared.
 */
export const MAX_RECORD_VERSION = 2_147_483_647;

/**
 * The `expectedVersion` of a change to a versioned record: the version the caller read, a JSON integer from
 * 1 to MAX_RECORD_VERSION (a string such as "1", a boolean or a fraction is refused with 400, never
 * converted); the change is accepted only while it is still current (409 otherwise). `optional` for routes
 * that create when it is absent and revise when it is given.
 */
export function ExpectedVersion(options: { optional?: boolean } = {}): PropertyDecorator {
  // The bounds speak only of numbers: "1" is told it is not an integer, not also that it is out of range.
  const ofNumbers = { validateIf: (_request: object, value: unknown) => typeof value === 'number' };
  const decorators = [...(options.optional ? [IsOptional()] : []), IsInt(), Min(1, ofNumbers), Max(MAX_RECORD_VERSION, ofNumbers)];
  return (target, property) => decorators.forEach((decorate) => decorate(target, property));
}

/** Body of a change to a versioned record that carries nothing but the version it was read at. */
export class ExpectedVersionRequest {
  @ExpectedVersion()
  expectedVersion!: number;
}
