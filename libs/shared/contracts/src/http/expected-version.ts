import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';

/**
 * The `expectedVersion` of a change to a versioned record: the version the caller read (an integer
 * >= 1); the change is accepted only while it is still current (409 otherwise). `optional` for
 * routes that create when it is absent and revise when it is given.
 */
export function ExpectedVersion(options: { optional?: boolean } = {}): PropertyDecorator {
  const decorators = [...(options.optional ? [IsOptional()] : []), Type(() => Number), IsInt(), Min(1)];
  return (target, property) => decorators.forEach((decorate) => decorate(target, property));
}

/** Body of a change to a versioned record that carries nothing but the version it was read at. */
export class ExpectedVersionRequest {
  @ExpectedVersion()
  expectedVersion!: number;
}
