/** `value` without its keys whose value is `undefined`, so what is stored and compared carries no empty keys. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
