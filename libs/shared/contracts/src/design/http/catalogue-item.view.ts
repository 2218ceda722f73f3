import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { NonEmptyText } from '../../validation/non-empty-text';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { CatalogueItemFieldsV1 } from '../messages/catalogue-item-fields.v1';

/** A catalogue item as the API shows it. `requestable`: active, and its service is published. */
export type CatalogueItemView = CatalogueItemFieldsV1 & { id: string; version: number; requestable: boolean; createdAt: string; updatedAt: string };

/** Body of POST /api/v1/catalogue/items. */
export class DefineCatalogueItemRequest extends CatalogueItemFieldsV1 {}

/** Body of PUT /api/v1/catalogue/items/:id. */
export class ReviseCatalogueItemRequest extends CatalogueItemFieldsV1 {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}

export const CATALOGUE_SEARCH_MAX_LIMIT = 100;

/** Query of GET /api/v1/catalogue/items: the requester's catalogue search. */
export class SearchCatalogueQuery {
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
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeUnrequestable?: boolean;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(CATALOGUE_SEARCH_MAX_LIMIT)
  limit?: number;
}
