import { RuleViolationError } from '@itsm/contracts';
import { CsvTable, parseCsv } from '@itsm/transition/cmdb-domain';

/** A row of an import as it came (a JSON object or a CSV record read into one), numbered for the report. */
export interface ImportRow {
  row: number;
  plain: Record<string, unknown>;
}

/** The rows of an import: the JSON rows, or the CSV's records read by `fromCsv`; neither or both is a 400. */
export function importRows(json: readonly object[] | undefined, csv: string | undefined, fromCsv: (table: CsvTable) => ImportRow[]): ImportRow[] {
  if ((json === undefined) === (csv === undefined)) throw RuleViolationError.of('csv', 'send the rows as JSON or as csv, one of the two');
  if (json !== undefined) return json.map((plain, index) => ({ row: index + 1, plain: plain as Record<string, unknown> }));
  let table: CsvTable;
  try {
    table = parseCsv(csv ?? '');
  } catch (error) {
    throw RuleViolationError.of('csv', (error as Error).message);
  }
  return fromCsv(table);
}

/** 400 naming the CSV's missing and unknown columns, if any. */
export function expectColumns(table: CsvTable, required: readonly string[], isKnown: (column: string) => boolean): void {
  const missing = required.filter((column) => !table.header.includes(column));
  const unknown = table.header.filter((column) => !isKnown(column));
  const issues = [...(missing.length > 0 ? [`missing columns: ${missing.join(', ')}`] : []), ...(unknown.length > 0 ? [`unknown columns: ${unknown.join(', ')}`] : [])];
  if (issues.length > 0) throw new RuleViolationError([{ field: 'csv', messages: issues }]);
}
