import { IsInt, IsISO8601, Matches, Min } from 'class-validator';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { NonEmptyText } from '../../validation/non-empty-text';
import { REQUEST_LIMITS, REQUEST_NUMBER_PATTERN } from './request-vocabulary';

/**
 * What every event of a service request carries (`itsm.operation.request.<fact>.v1`): which request, the
 * version the change wrote, when and by whom. The facts of one change share the version.
 */
export class RequestFactFieldsV1 {
  @Matches(UUID_PATTERN)
  requestId!: string;

  @Matches(REQUEST_NUMBER_PATTERN)
  number!: string;

  /** The request's version after the change that recorded this fact. */
  @IsInt()
  @Min(1)
  version!: number;

  @IsISO8601({ strict: true })
  at!: string;

  /** User id of who did it. */
  @NonEmptyText(REQUEST_LIMITS.referenceMaxLength)
  by!: string;
}
