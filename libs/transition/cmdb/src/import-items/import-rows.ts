import { RuleViolationError } from '@itsm/contracts';
import { IMPORT_MAX_ROWS } from '@itsm/contracts/transition';
import { CsvTable, parseCsv } from '@itsm/transition/cmdb-domain';

/** A row of an import as it came (a JSON object or a CSV record read into one), numbered for the report. */
export interface ImportRow {
  row: number;
  plain: Record<string, unknown>;
}

/**
 * The rows of an import: the JSON rows, or the CSV's records read by `fromCsv`; neither or both is a 400,
 * and so is a CSV of more than IMPORT_MAX_ROWS records (the JSON rows' count is checked with the request).
 */
export function importRows(json: readonly object[] | undefined, csv: string | undefined, fromCsv: (table: CsvTable) => ImportRow[]): ImportRow[] {
  if ((json === undefined) === (csv === undefined)) throw RuleViolationError.of('csv', 'send the rows as JSON or as csv, one of the two');
  if (json !== undefined) return json.map((plain, index) => ({ row: index + 1, plain: plain as Record<string, unknown> }));
  let table: CsvTable;
  try {
    table = parseCsv(csv ?? '');
  } catch (error) {
    throw RuleViolationError.of('csv', (error as Error).message);
  }
  if (table.records.length > IMPORT_MAX_ROWS) {
    throw RuleViolationError.of('csv', `at most ${IMPORT_MAX_ROWS} rows a request, this one has ${table.records.length}: import them in several requests`);
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
