import { ImportReportView, ImportRowView } from '@itsm/contracts/transition';

/** The report of an import: counts by outcome, then the rows in their order. */
export function importReport(rows: readonly ImportRowView[]): ImportReportView {
  const count = (outcome: ImportRowView['outcome']) => rows.filter((row) => row.outcome === outcome).length;
  return { created: count('created'), updated: count('updated'), unchanged: count('unchanged'), refused: count('refused'), rows: [...rows].sort((a, b) => a.row - b.row) };
}
