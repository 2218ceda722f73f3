import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { NonEmptyText } from '../../validation/non-empty-text';
import { References } from './problem-fields.v1';
import { PROBLEM_LIMITS } from './problem-vocabulary';

/**
 * A known error as defined in operation (v1 of its shape): a problem whose root cause is known, recorded
 * for the service desk: what callers see (symptom), why (root cause), what helps meanwhile (workaround) and
 * what removes it (fix), with the configuration items and services it concerns. Agents search them by
 * words, service and configuration item.
 */
export class KnownErrorFieldsV1 {
  /** The problem it documents. */
  @Matches(UUID_PATTERN, { message: 'problemId must be the id of a problem' })
  problemId!: string;

  @NonEmptyText(PROBLEM_LIMITS.titleMaxLength)
  title!: string;

  @NonEmptyText(PROBLEM_LIMITS.textMaxLength)
  symptom!: string;

  @NonEmptyText(PROBLEM_LIMITS.textMaxLength)
  rootCause!: string;

  /** Published to the problem's open incidents with POST …/workaround-publication. */
  @IsOptional()
  @IsString()
  @MaxLength(PROBLEM_LIMITS.textMaxLength)
  workaround?: string;

  @IsOptional()
  @IsString()
  @MaxLength(PROBLEM_LIMITS.textMaxLength)
  fix?: string;

  @References()
  serviceIds!: string[];

  /** The configuration items, each by its id or external id when written; stored, shown and carried in events as the items' ids. */
  @References()
  configurationItemIds!: string[];
}
