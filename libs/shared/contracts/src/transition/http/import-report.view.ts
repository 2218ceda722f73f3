import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Min, ValidateNested } from 'class-validator';
import { UUID_PATTERN } from '../../ids/uuid-v7';

/** What an import did with a row. */
export const IMPORT_OUTCOMES = ['created', 'updated', 'unchanged', 'refused'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

/** One field of a row that was refused, and why. */
export class ImportIssueView {
  @IsString()
  field!: string;

  @IsString({ each: true })
  messages!: string[];
}

/** The outcome of one row of an import. */
export class ImportRowView {
  /** 1-based: the row's place among the JSON rows, or its line in the CSV after the header. */
  @IsInt()
  @Min(1)
  row!: number;

  @IsIn(IMPORT_OUTCOMES)
  outcome!: ImportOutcome;

  /** The item's or relationship's id, unless refused. */
  @IsOptional()
  @Matches(UUID_PATTERN)
  id?: string;

  /** Why a refused row was refused. */
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => ImportIssueView)
  issues?: ImportIssueView[];
}

/** The report of an import: counts, then a row-by-row account in the order of the rows. */
export class ImportReportView {
  @IsInt()
  created!: number;

  @IsInt()
  updated!: number;

  @IsInt()
  unchanged!: number;

  @IsInt()
  refused!: number;

  @ValidateNested({ each: true })
  @Type(() => ImportRowView)
  rows!: ImportRowView[];
}
