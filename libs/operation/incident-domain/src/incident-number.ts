/** Human-facing incident number, e.g. 42 -> INC0000042. Grows past seven digits rather than wrapping. */
export function formatIncidentNumber(sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new RangeError(`incident sequence must be a positive integer, got ${sequence}`);
  }
  return `INC${String(sequence).padStart(7, '0')}`;
}
