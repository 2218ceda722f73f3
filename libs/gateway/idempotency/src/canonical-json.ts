/**
 * One text for one JSON value, whatever order its objects' keys came in: JSON with every object's keys
 * sorted (by UTF-16 code units, as `Array.prototype.sort` orders strings), arrays in their order, and no
 * whitespace; numbers and strings as `JSON.stringify` writes them (so `1.0` and `1` are one number).
 * Object members whose value is `undefined` are left out, as `JSON.stringify` leaves them out.
 * For values parsed from JSON (plain objects, arrays, strings, numbers, booleans, null).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
