import { Transform } from 'class-transformer';

/**
 * A query-string parameter that holds an integer: only plain decimal digits (at most 9) become a number;
 * anything else (`0x10`, `1e1`, ` 5`, `5.0`) stays text, so the property's own rule (`@IsInt`, `@IsIn`)
 * refuses it with a 400 naming the parameter instead of a conversion silently accepting it.
 */
export function QueryInteger(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value));
}
