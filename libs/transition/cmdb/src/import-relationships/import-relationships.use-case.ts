import { ValidationIssue, validatePlain } from '@itsm/contracts';
import { ImportRelationshipRowV1, ImportRelationshipsRequest, ImportReportView, ImportRowView } from '@itsm/contracts/transition';
import { ChangeOrigin } from '@itsm/service-runtime';
import { relationshipIdOf, relationshipProblem } from '@itsm/transition/cmdb-domain';
import { Injectable } from '@nestjs/common';
import { relationshipAddedEvent } from '../add-relationship/relationship-event.mapper';
import { importReport } from '../import-items/import-report.mapper';
import { expectColumns, importRows } from '../import-items/import-rows';
import { ConfigurationItemRepository } from '../persistence/configuration-item.repository';
import { NewRelationship, RelationshipRepository } from '../persistence/relationship.repository';

const CSV_COLUMNS = ['type', 'fromExternalId', 'toExternalId'];

/**
 * Imports relationships from JSON rows or CSV, their ends named by the items' external ids: each row
 * checked on its own, stored once (a relationship that exists is reported unchanged), so repeating an
 * import changes nothing. Import the items first.
 */
@Injectable()
export class ImportRelationships {
  constructor(
    private readonly items: ConfigurationItemRepository,
    private readonly relationships: RelationshipRepository,
  ) {}

  async import({ relationships, csv }: ImportRelationshipsRequest, origin: ChangeOrigin): Promise<ImportReportView> {
    const rows = importRows(relationships, csv, (table) => {
      expectColumns(table, CSV_COLUMNS, (column) => CSV_COLUMNS.includes(column));
      return table.records.map(({ row, values }) => ({ row, plain: values }));
    });
    const checked = rows.map(({ row, plain }) => ({ row, checked: validatePlain(ImportRelationshipRowV1, plain) }));
    const externalIds = [...new Set(checked.flatMap(({ checked: result }) => (result.ok ? [result.value.fromExternalId, result.value.toExternalId] : [])))];
    const itemIds = await this.items.idsByExternalKeys(externalIds);
    const report: ImportRowView[] = [];
    const accepted: Array<{ row: number; relationship: NewRelationship }> = [];
    for (const { row, checked: result } of checked) {
      if (!result.ok) {
        report.push({ row, outcome: 'refused', issues: result.issues });
        continue;
      }
      const { type, fromExternalId, toExternalId } = result.value;
      const from = itemIds.get(fromExternalId);
      const to = itemIds.get(toExternalId);
      const issues: ValidationIssue[] = [
        ...(from === undefined ? [{ field: 'fromExternalId', messages: [`there is no configuration item with the external id ${fromExternalId}`] }] : []),
        ...(to === undefined ? [{ field: 'toExternalId', messages: [`there is no configuration item with the external id ${toExternalId}`] }] : []),
      ];
      const problem = from !== undefined && to !== undefined ? relationshipProblem(from, to) : undefined;
      if (problem) issues.push({ field: 'toExternalId', messages: [problem] });
      if (issues.length > 0 || from === undefined || to === undefined) report.push({ row, outcome: 'refused', issues });
      else accepted.push({ row, relationship: { type, fromItemId: from, toItemId: to } });
    }
    const outcomes = await this.relationships.addAll(
      accepted.map(({ relationship }) => relationship),
      (relationship) => [relationshipAddedEvent(relationship, origin)],
    );
    const createdBy = new Map<string, number>();
    for (const { row, relationship } of accepted) {
      const id = relationshipIdOf(relationship.type, relationship.fromItemId, relationship.toItemId);
      // The first row of a relationship created it; a repeat in the same import finds it there.
      const created = outcomes.get(id) === 'created' && !createdBy.has(id);
      if (created) createdBy.set(id, row);
      report.push({ row, outcome: created ? 'created' : 'unchanged', id });
    }
    return importReport(report);
  }
}
