import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

/**
 * Most rows one import request carries, JSON rows or CSV records (more: 400 naming `items`,
 * `relationships` or `csv`), so that one request holds the service for seconds, not minutes; a larger
 * CMDB is imported in several requests (an import is idempotent, so a retried or repeated one changes
 * nothing). The body's size is bounded apart from this, by ITSM_IMPORT_BODY_LIMIT_BYTES (413).
 */
export const IMPORT_MAX_ROWS = 10_000;
/** Largest CSV text one import request carries, in characters (IMPORT_MAX_ROWS rows of up to about 1,600 characters). */
export const IMPORT_MAX_CSV_LENGTH = 16 * 1024 * 1024;

/**
 * Rows of a JSON import: objects, each checked on its own by the service against its row class, so a bad
 * row is refused in the report instead of failing the whole import.
 */
export function ImportRows(row: string): PropertyDecorator {
  return (target, property) => {
    IsArray()(target, property);
    ArrayMaxSize(IMPORT_MAX_ROWS)(target, property);
    IsObject({ each: true })(target, property);
    JSONSchema({ type: 'array', maxItems: IMPORT_MAX_ROWS, items: { type: 'object', description: row } })(target, String(property));
  };
}

/** Column of an items CSV whose cells are attribute values: `attr.<attribute name>`. */
export const CSV_ATTRIBUTE_PREFIX = 'attr.';

/** The other columns of an items CSV (`externalId`, `classKey`, `name` and `lifecycleState` required). */
export const CSV_ITEM_COLUMNS = ['externalId', 'classKey', 'name', 'owner', 'supportGroup', 'lifecycleState'] as const;

/**
 * Body of POST /api/v1/cmdb/imports/items: `items` (JSON rows) or `csv` (a header row
 * `externalId,classKey,name,owner,supportGroup,lifecycleState,attr.<name>...`, then one row per item),
 * not both. Each row is checked on its own and reported: created, updated, unchanged or refused with the reasons.
 */
export class ImportItemsRequest {
  @ValidateIf((request: ImportItemsRequest) => request.csv === undefined)
  @ImportRows('an item (ConfigurationItemFieldsV1), its externalId required')
  items?: object[];

  @IsOptional()
  @IsString()
  @MaxLength(IMPORT_MAX_CSV_LENGTH)
  csv?: string;
}
