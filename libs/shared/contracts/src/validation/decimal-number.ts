import { ValidateBy, ValidationOptions } from 'class-validator';

/** Whether `value` is a finite number written with at most `places` decimals (99.999 yes, 1e-7 no for 3). */
export function isDecimalNumber(value: unknown, places: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(places)) === value;
}

/**
 * A finite number with at most `places` decimals. Replaces class-validator's
 * `IsNumber({ maxDecimalPlaces })`, which throws a TypeError on numbers JSON writes with an exponent
 * (5e-324, 1e-7): a request must get a 400 naming the field, never a 500.
 */
export function DecimalNumber(places: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDecimalNumber',
      constraints: [places],
      validator: {
        validate: (value: unknown) => isDecimalNumber(value, places),
        defaultMessage: (arguments_) => `${arguments_?.property ?? 'value'} must be a number with at most ${places} decimals`,
      },
    },
    options,
  );
}
