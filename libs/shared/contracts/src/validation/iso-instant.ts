import { ValidateBy, ValidationOptions, isISO8601 } from 'class-validator';

/** The earliest instant an `IsoInstant` accepts: the first with a four-digit year the strict ISO 8601 check reads as written. */
export const EARLIEST_INSTANT = '1000-01-01T00:00:00.000Z';
/** The latest instant an `IsoInstant` accepts: the last with a four-digit year. */
export const LATEST_INSTANT = '9999-12-31T23:59:59.999Z';

/** Whether `value` is a strict ISO 8601 date-time from EARLIEST_INSTANT to LATEST_INSTANT. */
export function isIsoInstant(value: unknown): boolean {
  return isISO8601(value, { strict: true }) && inRange(value as string);
}

/**
 * A strict ISO 8601 instant (`2031-03-09T01:00:00Z`) from EARLIEST_INSTANT to LATEST_INSTANT. Replaces
 * `IsISO8601({ strict: true })`, which refuses a well-formed instant before the year 1000
 * (`0001-01-01T00:00:00Z`) as "not a valid ISO 8601 date string": one written as an instant but out of
 * the range is told the range instead.
 */
export function IsoInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoInstant',
      validator: {
        validate: (value: unknown) => isIsoInstant(value),
        defaultMessage: (arguments_) => {
          const property = arguments_?.property ?? 'value';
          const value = arguments_?.value;
          return isISO8601(value) && !inRange(value as string)
            ? `${property} must be an instant from ${EARLIEST_INSTANT} to ${LATEST_INSTANT}`
            : `${property} must be an ISO 8601 instant such as 2031-03-09T01:00:00Z`;
        },
      },
    },
    options,
  );
}

function inRange(value: string): boolean {
  const time = Date.parse(value);
  return !Number.isNaN(time) && time >= Date.parse(EARLIEST_INSTANT) && time <= Date.parse(LATEST_INSTANT);
}
