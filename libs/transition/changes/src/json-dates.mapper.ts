/** `T` with every `Date` inside it, however deep, as its ISO 8601 string: how views and events carry stored instants. */
export type WithIsoDates<T> = T extends Date
  ? string
  : T extends ReadonlyArray<infer E>
    ? Array<WithIsoDates<E>>
    : T extends object
      ? { -readonly [K in keyof T]: WithIsoDates<T[K]> }
      : T;

/**
 * A copy of `value` with every `Date` as its ISO string (UTC, milliseconds): the domain and the store
 * keep instants as dates (so ranges compare), the API and events carry strings.
 */
export function withIsoDates<T>(value: T): WithIsoDates<T> {
  if (value instanceof Date) return value.toISOString() as WithIsoDates<T>;
  if (Array.isArray(value)) return value.map((element: unknown) => withIsoDates(element)) as WithIsoDates<T>;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, withIsoDates(field)])) as WithIsoDates<T>;
  }
  return value as WithIsoDates<T>;
}

/** A `TimeWindowV1` of the contracts as the domain's window of dates. */
export function windowOf(window: { start: string; end: string }): { start: Date; end: Date } {
  return { start: new Date(window.start), end: new Date(window.end) };
}
