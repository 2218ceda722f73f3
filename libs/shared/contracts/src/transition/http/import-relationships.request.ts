import { IsIn, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { NonEmptyText } from '../../validation/non-empty-text';
import { RELATIONSHIP_TYPES, RelationshipType } from '../messages/cmdb-fields.v1';
import { IMPORT_MAX_CSV_LENGTH, ImportRows } from './import-items.request';

/** A relationship row of an import: its ends named by the items' external ids. */
export class ImportRelationshipRowV1 {
  @IsIn(RELATIONSHIP_TYPES)
  type!: RelationshipType;

  @NonEmptyText(200)
  fromExternalId!: string;

  @NonEmptyText(200)
  toExternalId!: string;
}

/**
 * Body of POST /api/v1/cmdb/imports/relationships: `relationships` (JSON rows) or `csv` (a header row
 * `type,fromExternalId,toExternalId`, then one row per relationship), not both. A relationship that
 * exists already is reported unchanged.
 */
export class ImportRelationshipsRequest {
  @ValidateIf((request: ImportRelationshipsRequest) => request.csv === undefined)
  @ImportRows('a relationship: type, fromExternalId, toExternalId (ImportRelationshipRowV1)')
  relationships?: object[];

  @IsOptional()
  @IsString()
  @MaxLength(IMPORT_MAX_CSV_LENGTH)
  csv?: string;
}
