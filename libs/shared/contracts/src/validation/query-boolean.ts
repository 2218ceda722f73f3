import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';

/**
 * A query-string parameter that holds a boolean: exactly `true` or `false` become one; anything else
 * (`1`, `yes`, `True`) stays text, which `@IsBoolean` refuses with a 400 naming the parameter.
 */
export function QueryBoolean(): PropertyDecorator {
  return (target, key) => {
    Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))(target, key);
    IsBoolean()(target, key);
  };
}
