/**
 * Orders text by UTF-16 code units. Locale collation (localeCompare) depends
 * on the ICU data of the runtime; reports and tie-breaks must not.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
