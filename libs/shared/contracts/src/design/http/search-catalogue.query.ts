import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { NonEmptyText } from '../../validation/non-empty-text';
import { QueryBoolean } from '../../validation/query-boolean';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { ByNamePageQuery } from '../../http/page.query';

/** Query of GET /api/v1/catalogue/items: the requester's catalogue search, by name. */
export class SearchCatalogueQuery extends ByNamePageQuery {
  /** Words matched against name, description, category and keywords (all must match). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @IsOptional()
  @NonEmptyText(100)
  category?: string;

  @IsOptional()
  @Matches(UUID_PATTERN, { message: 'serviceId must be the id of a catalogue service' })
  serviceId?: string;

  /** Also items that cannot be requested now (inactive, or of an unpublished service); for catalogue managers only. */
  @IsOptional()
  @QueryBoolean()
  includeUnrequestable?: boolean;
}
