import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/**
 * A required, non-blank string of at most `maxLength` characters: the most
 * common field of the platform's messages and requests. Applies the same
 * class-validator rules, in the same order, as writing the three decorators.
 */
export function NonEmptyText(maxLength: number): PropertyDecorator {
  return (target, key) => {
    MaxLength(maxLength)(target, key);
    IsNotEmpty()(target, key);
    IsString()(target, key);
  };
}
