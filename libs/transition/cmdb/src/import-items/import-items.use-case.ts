import { ImportReportView, ImportRowView, ConfigurationItemFieldsV1, CSV_ATTRIBUTE_PREFIX, CSV_ITEM_COLUMNS, ImportItemsRequest } from '@itsm/contracts/transition';
import { validatePlain } from '@itsm/contracts';
import { ChangeOrigin } from '@itsm/service-runtime';
import { CsvTable, attributesFromText } from '@itsm/transition/cmdb-domain';
import { Injectable } from '@nestjs/common';
import { CiClassRepository } from '../persistence/ci-class.repository';
import { ImportRow, expectColumns, importRows } from './import-rows';
import { ItemUpsert, UpsertConfigurationItems } from './upsert-configuration-items.use-case';
import { importReport } from './import-report.mapper';

/**
 * Imports configuration items from JSON rows or CSV: each row checked on its own (its shape, its class,
 * its attributes), upserted by its external id, reported created, updated, unchanged or refused with why.
 * Repeating an import changes nothing and reports every row unchanged.
 */
@Injectable()
export class ImportItems {
  constructor(
    private readonly classes: CiClassRepository,
    private readonly upserts: UpsertConfigurationItems,
  ) {}

  async import({ items, csv }: ImportItemsRequest, origin: ChangeOrigin): Promise<ImportReportView> {
    const classes = csv === undefined ? undefined : await this.classes.byKey();
    const rows = importRows(items, csv, (table) => csvItemRows(table, (key) => classes?.get(key)?.attributes ?? []));
    const refused: ImportRowView[] = [];
    const accepted: Array<{ row: number; upsert: ItemUpsert }> = [];
    for (const { row, plain } of rows) {
      const checked = validatePlain(ConfigurationItemFieldsV1, plain);
      if (!checked.ok) refused.push({ row, outcome: 'refused', issues: checked.issues });
      else if (checked.value.externalId === undefined) refused.push({ row, outcome: 'refused', issues: [{ field: 'externalId', messages: ['an imported item needs its external id'] }] });
      else accepted.push({ row, upsert: { fields: { ...checked.value, attributes: { ...checked.value.attributes }, externalId: checked.value.externalId } } });
    }
    const outcomes = await this.upserts.upsert(accepted.map(({ upsert }) => upsert), origin);
    return importReport([...refused, ...accepted.map(({ row }, index) => ({ row, ...outcomes[index] } as ImportRowView))]);
  }
}

/**
 * The records of an items CSV as the JSON rows they stand for: the named columns as fields (an empty
 * owner or support group is none), the `attr.<name>` cells as attributes typed by the row's class.
 */
function csvItemRows(table: CsvTable, attributesOf: (classKey: string) => Parameters<typeof attributesFromText>[0]['attributes']): ImportRow[] {
  expectColumns(table, ['externalId', 'classKey', 'name', 'lifecycleState'], (column) => (CSV_ITEM_COLUMNS as readonly string[]).includes(column) || (column.startsWith(CSV_ATTRIBUTE_PREFIX) && column.length > CSV_ATTRIBUTE_PREFIX.length));
  return table.records.map(({ row, values }) => {
    const texts = Object.fromEntries(Object.entries(values).filter(([column]) => column.startsWith(CSV_ATTRIBUTE_PREFIX)).map(([column, text]) => [column.slice(CSV_ATTRIBUTE_PREFIX.length), text]));
    const optional = (column: 'owner' | 'supportGroup') => (values[column] ? { [column]: values[column] } : {});
    return {
      row,
      plain: {
        externalId: values['externalId'],
        classKey: values['classKey'],
        name: values['name'],
        ...optional('owner'),
        ...optional('supportGroup'),
        lifecycleState: values['lifecycleState'],
        attributes: attributesFromText({ attributes: attributesOf(values['classKey'] ?? '') }, texts),
      },
    };
  });
}
